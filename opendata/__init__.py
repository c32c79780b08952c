"""opendata: Dutch local-government correspondence published as linked open data."""

__version__ = "0.1.0"
