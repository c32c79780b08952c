"""Harvest a DCAT catalog with ckanext-dcat's RDFParser, as a CKAN portal does; print the datasets as JSON.

Run by the Python of the CKAN client environment (tests/clients/envs.py), not by the project's:
    python ckan_harvest.py LICENCE_REGISTER.json CATALOG_FILE RDF_FORMAT
The licence register is a CKAN licence list (the `licenses_group_url` setting of a portal).
"""

import json
import sys
from pathlib import Path

from ckantoolkit import config


def main(register: str, catalog: str, rdf_format: str) -> None:
    config["licenses_group_url"] = Path(register).resolve().as_uri()
    from ckanext.dcat.processors import RDFParser  # after the setting: the parser reads the register

    parser = RDFParser(profiles=["euro_dcat_ap_3"])
    parser.parse(Path(catalog).read_text(encoding="utf-8"), _format=rdf_format)
    json.dump(list(parser.datasets()), sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
