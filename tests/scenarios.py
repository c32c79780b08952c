"""Scenarios several test files act out: two releases of the seed, and a real nginx serving a publication.

Release 1 is the seed plus letter X (which names a private person). Release 2 corrects the title of
CORRECTED, adds letter Y and withdraws X for privacy. The change log, LDES and the static host must each
tell exactly that story, so they all build it here.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml

from opendata.model.model import Model
from opendata.sources.records import Record, read_letter

X = "verzoek-kapvergunning-vlietweg"  # withdrawn for privacy in release 2
Y = "uitnodiging-werkbezoek-2019-07"  # added in release 2
CORRECTED = "gs-zuid-holland-2019-01-24-samenwerking-leidse-regio"  # its title is corrected in release 2
X_TITLE = "Verzoek van Pieternella Zwanenburg-Olthof om een kapvergunning aan de Vlietweg"
X_CONTENT = ("Pieternella", "Zwanenburg", "Olthof", "treurwilg", "Vlietweg 17", X_TITLE)
REASON = "Bevat de naam en het adres van een inwoner."
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
APACHE = shutil.which("apache2") or "/usr/sbin/apache2"
APACHE_MODULES = Path("/usr/lib/apache2/modules")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def add_letter(datasets: Path, key: str, title: str, body: str, sent: str) -> None:
    """A plain letter from the college of Leiden to the college of Leiderdorp."""
    (datasets / "letters" / f"{key}.yaml").write_text(
        f"id: {key}\nkind: brief\ntitle: {title}\ndate_sent: {sent}\nsender: college-gm0546\n"
        f"addressees: [college-gm0547]\ntext: {key}.txt\n",
        encoding="utf-8",
    )
    (datasets / "letters" / f"{key}.txt").write_text(body, encoding="utf-8")


def prepare_release_one(datasets: Path) -> None:
    """The seed without its release history, plus letter X."""
    (datasets / "releases.csv").unlink(missing_ok=True)
    add_letter(
        datasets,
        X,
        X_TITLE,
        "Geacht college,\n\nPieternella Zwanenburg-Olthof vraagt een kapvergunning voor "
        "de treurwilg aan de Vlietweg 17.\n\nHoogachtend,\nhet college\n",
        "2019-05-02",
    )


def prepare_release_two(datasets: Path) -> None:
    """Version 2019.2: CORRECTED's title corrected, Y added, X withdrawn for privacy."""
    config = datasets / "publication.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace('version: "2019.1"', 'version: "2019.2"').replace(
            "issued: 2019-06-11", "issued: 2019-07-02"
        ),
        encoding="utf-8",
    )
    corrected = datasets / "letters" / f"{CORRECTED}.yaml"
    corrected.write_text(
        corrected.read_text(encoding="utf-8").replace(
            "title: Bestuurlijke samenwerking in de Leidse regio\n",
            "title: Bestuurlijke samenwerking Leidse regio\n",
            1,
        ),
        encoding="utf-8",
    )
    add_letter(
        datasets,
        Y,
        "Uitnodiging voor een werkbezoek in juli",
        "Geacht college,\n\nWij nodigen u uit voor een werkbezoek.\n\nHoogachtend,\nhet college\n",
        "2019-06-20",
    )
    (datasets / "letters" / f"{X}.yaml").unlink()
    (datasets / "letters" / f"{X}.txt").unlink()
    (datasets / "withdrawn.yaml").write_text(
        f"- resource: brief/{X}\n  date: 2019-07-01\n  reason: {REASON}\n  privacy: true\n", encoding="utf-8"
    )


@contextmanager
def nginx_serving(dist: Path, prefix: Path) -> Iterator[str]:
    """Debian's nginx on a free loopback port, serving `dist` with the rules publish generated into it.

    Yields the base URL; the server stops when the block ends. `prefix` holds its configuration and logs.
    """
    for folder in ("logs", "temp"):
        (prefix / folder).mkdir(exist_ok=True)
    port, rules = free_port(), dist / "webserver"
    config = prefix / "nginx.conf"
    config.write_text(
        f"""daemon off;
{"user root;" if os.geteuid() == 0 else ""}  # workers must read tmp_path (mode 0700)
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/logs/error.log;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {prefix}/temp/body;
    proxy_temp_path {prefix}/temp/proxy;
    fastcgi_temp_path {prefix}/temp/fastcgi;
    uwsgi_temp_path {prefix}/temp/uwsgi;
    scgi_temp_path {prefix}/temp/scgi;
    default_type application/octet-stream;
    include {rules}/nginx-http.conf;
    server {{
        listen 127.0.0.1:{port};
        root {dist};
        include {rules}/nginx-server.conf;
    }}
}}
""",
        encoding="utf-8",
    )
    with _listening([NGINX, "-p", str(prefix), "-c", str(config)], port) as url:
        yield url


@contextmanager
def apache_serving(dist: Path) -> Iterator[str]:
    """Debian's Apache in the foreground on a free loopback port, with a copy of `dist` as its
    DocumentRoot and the `.htaccess` publish generated into it (AllowOverride All). Yields the base URL.

    Apache serves no pages as root: started as root, its process becomes www-data, which cannot read
    pytest's private tmp_path, so the copy is in a world-readable folder of its own, removed after.
    """
    prefix = Path(tempfile.mkdtemp(prefix="opendata-apache-"))
    prefix.chmod(0o755)
    port, root = free_port(), prefix / "dist"
    shutil.copytree(dist, root)
    for folder, folders, files in os.walk(root):
        for name in folders:
            (Path(folder) / name).chmod(0o755)
        for name in files:
            (Path(folder) / name).chmod(0o644)
    modules = ("mpm_prefork", "authz_core", "mime", "rewrite", "headers", "dir", "setenvif")
    loads = "".join(f"LoadModule {m}_module {APACHE_MODULES}/mod_{m}.so\n" for m in modules)
    user = "User www-data\nGroup www-data\n" if os.geteuid() == 0 else ""
    config = prefix / "httpd.conf"
    config.write_text(
        f"""ServerRoot {prefix}
Listen 127.0.0.1:{port}
ServerName localhost
PidFile {prefix}/httpd.pid
ErrorLog {prefix}/error.log
{loads}{user}TypesConfig /etc/mime.types
DocumentRoot {root}
<Directory {root}>
    AllowOverride All
    Require all granted
</Directory>
""",
        encoding="utf-8",
    )
    try:
        with _listening([APACHE, "-X", "-f", str(config)], port) as url:
            yield url
    finally:
        shutil.rmtree(prefix, ignore_errors=True)


@contextmanager
def _listening(command: list[str], port: int) -> Iterator[str]:
    """A server started by `command` in the foreground, once it listens on `port`; stopped after."""
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        _wait_for(port, process)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=30)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def http_get(url: str, accept: str = "", follow: bool = True, language: str = ""):
    """(status, headers, body) of a GET, errors included; `follow=False` keeps a redirect's answer;
    `language`: the Accept-Language header, if any."""
    opener = urllib.request.build_opener() if follow else urllib.request.build_opener(_NoRedirect)
    headers = {"Accept": accept} if accept else {}
    if language:
        headers["Accept-Language"] = language
    request = urllib.request.Request(url, headers=headers)
    try:
        with opener.open(request) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def _wait_for(port: int, process: subprocess.Popen[str]) -> None:
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError as refused:
            if process.poll() is not None:
                output = process.stderr.read() if process.stderr else ""
                raise AssertionError(f"the server did not start: {output}") from refused
            time.sleep(0.1)
    raise AssertionError(f"nginx did not listen on port {port} within 10 s")


def read_one_letter(model: Model, folder: Path, letter: dict, text: str) -> list[Record]:
    """A letter written as its YAML record and text into folder/letters, read back as records."""
    letters = folder / "letters"
    letters.mkdir()
    record_file = letters / f"{letter['id']}.yaml"
    record_file.write_text(yaml.safe_dump(letter, allow_unicode=True), encoding="utf-8")
    (letters / letter["text"]).write_text(text, encoding="utf-8")
    records, problems = read_letter(model, record_file, folder)
    assert problems == []
    return records
