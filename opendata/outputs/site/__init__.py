"""The publication as a website: every IRI answers (issue 14).

`write(publication, out)` writes pages, descriptions, pictures, search index and web-server rules
into dist/doc/ (a writer in opendata/outputs/); `resolve(path, accept, dist)` answers a request
for an `/id/` or `/doc/` address the way the generated nginx/Apache rules do (`opendata serve`).
"""

from opendata.outputs.output import Output
from opendata.outputs.site.resolver import (
    Response,
    endpoint_path,
    file_path,
    gone_page,
    not_found,
    resolve,
    validators,
)
from opendata.outputs.site.writer import NAME, letter_part, write

# reads tekst/, written by the texts output before it; learns each letter's facts in the workers
OUTPUT = Output(NAME, write, letter_part=letter_part)

__all__ = [
    "OUTPUT",
    "Response",
    "endpoint_path",
    "file_path",
    "gone_page",
    "not_found",
    "resolve",
    "validators",
    "write",
]
