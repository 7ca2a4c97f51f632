"""arXiv identifiers: recognized in a record's own id, linked, and dated.

>>> arxiv_id("2103.14030v2"), arxiv_id("arXiv:hep-th/9901001"), arxiv_id("doe2024")
('2103.14030', 'hep-th/9901001', None)
>>> arxiv_month("2103.14030"), arxiv_month("hep-th/9901001"), arxiv_month("0704.0001")
('2021-03', '1999-01', '2007-04')
>>> arxiv_url("2103.14030")
'https://arxiv.org/abs/2103.14030'
"""

from __future__ import annotations

import regex

_NEW = regex.compile(r"(?:arxiv:)?(?P<id>(?P<yy>\d{2})(?P<mm>0[1-9]|1[0-2])\.\d{4,5})(?:v\d+)?", regex.I)
_OLD = regex.compile(r"(?:arxiv:)?(?P<id>[a-z][a-z\-]*(?:\.[A-Z]{2})?/(?P<yy>\d{2})(?P<mm>0[1-9]|1[0-2])\d{3})(?:v\d+)?",
                     regex.I)


def _match(source_id: object):
    if not isinstance(source_id, str):
        return None
    text = source_id.strip()
    return _NEW.fullmatch(text) or _OLD.fullmatch(text)


def arxiv_id(source_id: object) -> str | None:
    """The arXiv id (without its version) when a record's id is one, new or old style, else None."""
    found = _match(source_id)
    return found["id"] if found else None


def arxiv_month(identifier: object) -> str | None:
    """The month an arXiv id encodes, as ``YYYY-MM`` (old-style years from 91 are 19xx)."""
    found = _match(identifier)
    if not found:
        return None
    year = int(found["yy"])
    return f"{1900 + year if year >= 91 else 2000 + year}-{found['mm']}"


def arxiv_url(identifier: object) -> str | None:
    """The abstract page of an arXiv id."""
    found = arxiv_id(identifier)
    return f"https://arxiv.org/abs/{found}" if found else None
