"""Issue 12, item 5: the package works when installed from its wheel, not only from a checkout.

The test builds the wheel from a copy of the checkout (pip wheel, no build isolation: nothing is
downloaded), installs it into a fresh virtual environment and publishes the seed with the installed
`opendata`, from a folder that is not the checkout. The installed package's dependencies come from
an environment the test set-up resolves once from the registry with requirements.lock
(tests/clients/envs.py), linked into the fresh one by a .pth file: the fresh environment holds
the wheel and nothing else of the project. Before schemas/, docs/queries/ and the standards were
package data, the installed `opendata` could not find its model.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from .clients.envs import resolved_env, site_packages
from .conftest import DATASETS, ROOT

# integration: builds the wheel and installs it into a fresh environment
pytestmark = pytest.mark.integration

NOT_SHIPPED = shutil.ignore_patterns(
    ".git",
    ".venv",
    ".test-envs",
    "dist",
    ".dist.*",
    "*.egg-info",
    "__pycache__",
    ".opendata-cache",
    ".pytest_cache",
    ".hypothesis",
    "bench-results",
    "tests",
    "datasets",
)


def not_shipped(folder: str, names: list[str]) -> set[str]:
    """NOT_SHIPPED, and setuptools' own build/ at the top (opendata/build/ is a package: it ships)."""
    top = Path(folder).resolve() == ROOT
    return set(NOT_SHIPPED(folder, names)) | ({"build"} & set(names) if top else set())


def run(*command, cwd: Path) -> subprocess.CompletedProcess:
    result = subprocess.run([str(c) for c in command], cwd=cwd, capture_output=True, text=True)
    assert result.returncode == 0, f"{command}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel built from a copy of the checkout (a build never writes into the checkout)."""
    source = tmp_path_factory.mktemp("source") / "opendata"
    shutil.copytree(ROOT, source, ignore=not_shipped)
    wheels = source.parent / "wheels"
    run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--no-build-isolation",
        "--quiet",
        "-w",
        wheels,
        source,
        cwd=source.parent,
    )
    [built] = wheels.glob("opendata-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh virtual environment with the wheel installed; returns its bin/ folder."""
    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "dependencies"
    ]
    deps = resolved_env("opendata-dependencies", dependencies, ROOT / "requirements.lock")
    env = tmp_path_factory.mktemp("installed") / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", env, cwd=env.parent)
    (site_packages(env) / "opendata-dependencies.pth").write_text(
        f"{site_packages(deps)}\n", encoding="utf-8"
    )
    run(
        deps / "bin" / "python",
        "-m",
        "pip",
        "--python",
        env / "bin" / "python",
        "install",
        "--no-deps",
        "--no-index",
        "--quiet",
        wheel,
        cwd=env.parent,
    )
    return env / "bin"


@pytest.fixture(scope="module")
def elsewhere(tmp_path_factory) -> Path:
    """A working folder outside the checkout, with a copy of the seed datasets."""
    folder = tmp_path_factory.mktemp("elsewhere")
    shutil.copytree(DATASETS, folder / "datasets")
    return folder


def test_the_wheel_carries_the_model_the_queries_and_the_standards(wheel):
    import zipfile

    names = set(zipfile.ZipFile(wheel).namelist())
    assert {
        "opendata/schemas/model.yaml",
        "opendata/schemas/publication.schema.json",
        "opendata/schemas/generated/shapes.ttl",
        "opendata/schemas/generated/records.schema.json",
        "opendata/data/tooi-register.csv",
        "opendata/standards/dcat-ap-3.0.1/shacl/ranges.ttl",
        "opendata/standards/SOURCES.md",
    } <= names
    queries = {name.rsplit("/", 1)[1] for name in names if name.startswith("opendata/queries/")}
    assert queries == {path.name for path in (ROOT / "docs" / "queries").glob("*.rq")}
    packages = {str(p.parent.relative_to(ROOT)) for p in (ROOT / "opendata").rglob("__init__.py")}
    assert {f"{p}/__init__.py" for p in packages} <= names


def test_the_installed_package_reads_nothing_from_the_checkout(installed, elsewhere):
    script = (
        "import opendata, opendata.model.resources as r, opendata.model.model as m; "
        "print(opendata.__file__); print(r.schemas_dir()); print(r.queries_dir()); print(m.load_model().classes)"
    )
    lines = run(installed / "python", "-c", script, cwd=elsewhere).stdout.splitlines()
    environment = installed.parent.resolve()
    for line in lines[:3]:
        assert Path(line).resolve().is_relative_to(environment), line
    assert "Letter" in lines[3] or "letter" in lines[3].lower()


def test_the_installed_opendata_publishes_the_seed(installed, elsewhere, published):
    result = run(
        installed / "opendata",
        "publish",
        "--datasets",
        "datasets",
        "--out",
        "dist",
        "--cache",
        "cache",
        cwd=elsewhere,
    )
    assert "triples" in result.stdout
    dist = elsewhere / "dist"
    for name in (
        "graph.nt",
        "catalog.ttl",
        "shapes.ttl",
        "ontology.ttl",
        "context.jsonld",
        "csv-metadata.json",
    ):
        assert (dist / name).read_bytes() == (published / name).read_bytes(), name
    assert (
        sorted(p.name for p in (dist / "queries").glob("*.rq"))
        == sorted(p.name for p in (published / "queries").glob("*.rq"))
        != []
    )
    answer = run(installed / "opendata", "query", "leidse-regio-members", "--format", "csv", cwd=elsewhere)
    assert "gm0546" in answer.stdout
