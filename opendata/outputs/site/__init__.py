"""The publication as a website: every IRI answers (issue 14).

`write(publication, out)` writes pages, descriptions, pictures, search index and web-server rules
into dist/doc/ (a writer in opendata/outputs/); `resolve(path, accept, dist)` answers a request
for an `/id/` or `/doc/` address the way the generated nginx/Apache rules do (`opendata serve`).
"""

from opendata.outputs.site.resolver import Response, resolve
from opendata.outputs.site.writer import write

__all__ = ["Response", "resolve", "write"]
