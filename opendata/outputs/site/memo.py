"""A memo whose memory stays bounded on an archive of any size.

The page builders remember what the layout and the vocabulary say of each IRI: pure functions of
their keys, asked for again and again. Kept
for every IRI of the archive, they grew with it (about 60 MB in the main process at 10,000 letters,
ten times that at 100,000, a copy in each page worker). A `Memo` forgets everything once it holds
`limit` values: the values asked for most (a sender's name, a property's label) are back after a few
pages, and a lookup stays a plain dict lookup. (What each read of the facts saw is asked for in a
different pattern, every read of every page: inputs.Reads keeps the reads used most recently.)
"""

from __future__ import annotations

LIMIT = 50_000  # values a memo holds before it starts again


class Memo(dict):
    def __init__(self, limit: int | None = None):
        super().__init__()
        self.limit = LIMIT if limit is None else limit

    def __setitem__(self, key, value) -> None:
        if len(self) >= self.limit:
            self.clear()
        super().__setitem__(key, value)

    def __reduce__(self):
        """Pickled empty (a worker's copy starts afresh), with its limit."""
        return (type(self), (self.limit,))
