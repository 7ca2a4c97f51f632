"""Readers for the plain-text layouts of the seed corpus.

Each reader takes ``(file, lines)`` and yields Records and Problems; each
detector takes the same lines and says whether the layout fits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import regex

from .base import Problem, Record, make_record

ABSTRACT_PREFIX = regex.compile(r"^\s*abstract\s*(?::|--|—|–|-|\.)\s*", regex.I)
DATE_LINE = regex.compile(r"^(?P<mon>[A-Z][a-z]{2}) (?P<day>\d{1,2})(?:, (?P<year>\d{4}))?(?: \d+)?$")
AUTHORS_LINE = regex.compile(r"^\s*•\s*(?P<n>\d+) authors?\s*$")
MONTHS = {m: i for i, m in enumerate(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], 1)}
PAGE_HEADER = ("new", "Get trending papers in your email inbox!", "Subscribe", "Daily Papers", "byAK and the research community")
LONG = 200  # characters: an abstract is longer than this, a title or a name shorter


def strip_abstract_prefix(text: str) -> str:
    """Drop a leading ``Abstract:`` / ``Abstract--`` label."""
    return ABSTRACT_PREFIX.sub("", text, count=1)


def _nonblank(lines: list[str]) -> list[tuple[int, str]]:
    return [(n, s.strip()) for n, s in enumerate(lines, start=1) if s.strip()]


# --- one abstract per line (004) ------------------------------------------

def is_abstract_lines(lines: list[str]) -> bool:
    """Every non-blank line is abstract-long prose or labelled ``Abstract:`` (a file of one short
    ``Abstract:`` line is one abstract)."""
    rows = _nonblank(lines)
    return bool(rows) and all(len(s) >= LONG or ABSTRACT_PREFIX.match(s) for _, s in rows)


def read_abstract_lines(file: str, lines) -> Iterator[Record | Problem]:
    """One abstract per non-blank line (``lines`` may be any iterable, read once)."""
    record_no = 0
    for line, text in enumerate(lines, start=1):
        if text.strip():
            yield make_record(file, line, record_no, strip_abstract_prefix(text.strip()), format="lines")
            record_no += 1


# --- a name line, then `Abstract:` lines (001) -----------------------------

def is_labelled_abstracts(lines: list[str]) -> bool:
    """A short first line (a name, not itself an abstract), then lines that mostly start with ``Abstract:``."""
    rows = _nonblank(lines)
    labelled = sum(1 for _, s in rows[1:] if ABSTRACT_PREFIX.match(s))
    named = bool(rows) and len(rows[0][1]) < LONG and not ABSTRACT_PREFIX.match(rows[0][1])
    return len(rows) >= 2 and named and labelled >= max(1, (len(rows) - 1) / 2)


def read_labelled_abstracts(file: str, lines: list[str]) -> Iterator[Record | Problem]:
    """Each ``Abstract:`` line is a record; other lines after the name are reported."""
    rows = _nonblank(lines)
    for record_no, (line, text) in enumerate(rows[1:]):
        if not ABSTRACT_PREFIX.match(text):
            yield Problem(file, line, "line does not start with 'Abstract:'")
            continue
        yield make_record(file, line, record_no, strip_abstract_prefix(text), format="labelled")


# --- an author's publication list: name, then title/authors/abstract (000) --

def is_publication_list(lines: list[str]) -> bool:
    """A short name line, then triples whose third line is abstract-long."""
    rows = _nonblank(lines)
    body = rows[1:]
    if len(body) < 3 or len(rows[0][1]) >= LONG or len(body) % 3 == 2:
        return False
    return all(len(body[i + 2][1]) >= LONG and len(body[i][1]) < 2 * LONG for i in range(0, len(body) - 2, 3))


def read_publication_list(file: str, lines: list[str]) -> Iterator[Record | Problem]:
    """Title, authors and abstract, one line each, after the list owner's name."""
    body = _nonblank(lines)[1:]
    whole = len(body) - len(body) % 3
    for record_no, i in enumerate(range(0, whole, 3)):
        (line, title), (_, authors), (_, text) = body[i : i + 3]
        yield make_record(file, line, record_no, strip_abstract_prefix(text), title=title, authors=authors, format="publist")
    for line, _ in body[whole:]:
        yield Problem(file, line, "incomplete entry at end of publication list (needs title, authors, abstract)")


# --- a daily-papers page (002, 003) ------------------------------------------

def is_daily_page(lines: list[str]) -> bool:
    """The page header of a daily-papers listing, or its `• N authors` lines."""
    head = {s for _, s in _nonblank(lines[:20])}
    return bool(head & set(PAGE_HEADER[1:])) or sum(1 for s in lines if AUTHORS_LINE.match(s)) >= 2


def _paragraphs(lines: list[str]) -> list[tuple[int, list[str]]]:
    paras, current, start = [], [], 0
    for n, s in enumerate(lines, start=1):
        if s.strip():
            if not current:
                start = n
            current.append(s.strip())
        elif current:
            paras.append((start, current))
            current = []
    if current:
        paras.append((start, current))
    return paras


def _iso(match, year: int | None) -> str | None:
    year = int(match["year"]) if match["year"] else year
    if year is None:
        return None
    try:
        return dt.date(year, MONTHS[match["mon"]], int(match["day"])).isoformat()
    except (KeyError, ValueError):
        return None


def page_year(lines: list[str]) -> int | None:
    """The year of a page's year-less dates: the site prints the year only for
    earlier years, so it is the year after the latest one printed."""
    years = [int(m["year"]) for s in lines if (m := DATE_LINE.match(s.strip())) and m["year"]]
    return max(years) + 1 if years else None


def read_daily_page(file: str, lines: list[str]) -> Iterator[Record | Problem]:
    """Title paragraph, abstract paragraph, then optional `• N authors`, `·`, date."""
    year = page_year(lines)
    entries: list[dict] = []
    for start, para in _paragraphs(lines):
        meta = [s for s in para if s == "·" or AUTHORS_LINE.match(s) or DATE_LINE.match(s)]
        if len(meta) == len(para):
            if entries:  # author and date lines belong to the entry above
                for s in para:
                    if m := AUTHORS_LINE.match(s):
                        entries[-1]["n_authors"] = int(m["n"])
                    elif m := DATE_LINE.match(s):
                        entries[-1]["date"] = _iso(m, year)
            continue
        text = " ".join(para)
        if not entries and text in PAGE_HEADER:
            continue
        is_title = len(para) == 1 and len(text) < LONG and not text.endswith(".")
        last = entries[-1] if entries else None
        if is_title:
            entries.append({"line": start, "title": text, "text": None})
        elif last is not None and last["text"] is None:
            last["text"] = text
        elif last is not None and "date" not in last and "n_authors" not in last:
            last["text"] += "\n\n" + text  # a second paragraph of the same abstract
        else:
            entries.append({"line": start, "title": None, "text": text})
    for record_no, e in enumerate(entries):
        if e["text"] is None:
            yield Problem(file, e["line"], f"title with no abstract: {e['title'][:60]!r}")
            continue
        yield make_record(file, e["line"], record_no, strip_abstract_prefix(e["text"]), title=e["title"],
                          date=e.get("date"), n_authors=e.get("n_authors"), format="daily")


# --- a single text file: one abstract, maybe under a title ---------------------

MIN_PROSE_WORDS = 12


def is_prose(lines: list[str]) -> bool:
    """At least a sentence's worth of words: a file of symbols or a lone word is no abstract."""
    words = regex.findall(r"\p{L}{2,}", " ".join(lines[:200]))
    return len(words) >= MIN_PROSE_WORDS


def read_single_text(file: str, lines: list[str]) -> Iterator[Record | Problem]:
    """The whole file is one abstract; a short first paragraph is its title."""
    paras = _paragraphs(lines)
    if not paras:
        return
    title = None
    if len(paras) > 1 and len(paras[0][1]) == 1 and len(paras[0][1][0]) < LONG:
        title = paras.pop(0)[1][0]
    text = "\n\n".join(" ".join(p) for _, p in paras)
    yield make_record(file, paras[0][0], 0, strip_abstract_prefix(text), title=title, format="text")
