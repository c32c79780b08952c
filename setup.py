"""What pyproject.toml cannot say by itself: which folders outside opendata/ ship inside the package.

schemas/ (the model) and docs/queries/ (the example queries) stay at the top of the checkout, the
one copy people edit; a wheel carries them as the packages opendata.schemas and opendata.queries
(opendata/model/resources.py finds them either way). Every other package is found as usual.
"""

from setuptools import find_packages, setup

MAPPED = {"opendata.schemas": "schemas", "opendata.queries": "docs/queries"}

setup(
    packages=find_packages(include=["opendata", "opendata.*"]) + [*MAPPED, "opendata.schemas.generated"],
    package_dir=MAPPED,
)
