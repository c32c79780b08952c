"""Where the files the program reads live: the one place that knows, in a checkout and when installed.

`schemas/` (the model and its generated artefacts) and `docs/queries/` (the example queries) stay
at the top of the checkout, where people edit and read them; a wheel ships them inside the package
as `opendata/schemas/` and `opendata/queries/` (the `package_dir` mapping in setup.py). The TOOI
register, the SPARQL page and the official shapes live inside the package in both cases. Every
reader asks this module, never a path relative to its own file, so an installed `opendata` finds
the same files as a checkout.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

PACKAGE = Path(str(files("opendata")))


def _shipped_or_checkout(shipped: str, checkout: str) -> Path:
    """The folder inside the installed package, or else its place in the checkout the package runs from."""
    inside = PACKAGE / shipped
    return inside if inside.is_dir() else PACKAGE.parent / checkout


def schemas_dir() -> Path:
    """schemas/: model.yaml and generated/."""
    return _shipped_or_checkout("schemas", "schemas")


def queries_dir() -> Path:
    """The example SPARQL queries (docs/queries/*.rq in the checkout)."""
    return _shipped_or_checkout("queries", "docs/queries")


def data_dir() -> Path:
    """opendata/data/: the TOOI register extract and the SPARQL query page."""
    return PACKAGE / "data"


def standards_dir() -> Path:
    """opendata/standards/: unedited copies of the official DCAT-AP shapes (SOURCES.md there)."""
    return PACKAGE / "standards"
