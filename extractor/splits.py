"""A benchmark's split or variant ("COCO test-dev", "the validation set of Cityscapes"), read from the
words around the benchmark's name and the score (data/splits.csv)."""

from __future__ import annotations

import functools

import regex

from .rules import read_rows


@functools.cache
def _rows() -> dict[str, tuple[str, bool]]:
    """``written (lower case, hyphens as spaces) -> (split, own board)``, pairs ("clean/other") included."""
    return {_key(r["written"]): (r["split"], r["board"] == "yes")
            for r in read_rows("splits.csv", ("written", "split", "board", "example"))}


def _splits() -> dict[str, tuple[str, bool]]:
    return {w: v for w, v in _rows().items() if "/" not in w}


@functools.cache
def _cues() -> tuple[str, ...]:
    """The first word of every split spelling, for a substring pre-check."""
    return tuple({regex.split(r"[\s\-/]", w)[0] for w in _rows()})


def _pairs() -> dict[str, str]:
    return {w: v[0] for w, v in _rows().items() if "/" in w}


def _key(written: str) -> str:
    return regex.sub(r"[\s\-]+", " ", written.lower())


@functools.cache
def _patterns() -> dict[str, regex.Pattern]:
    words = sorted(_splits(), key=lambda w: (-len(w), w))
    split = "(?P<split>" + "|".join(regex.escape(w).replace(r"\ ", r"[\s\-]") for w in words) + r")\b"
    where = r"(?:set|split|subset|server|data|partition)"
    pair = "|".join(regex.escape(w).replace(r"\ ", r"[\s\-]").replace("/", r"\s*/\s*")
                    for w in sorted(_pairs(), key=lambda w: (-len(w), w)))
    return {
        # "2.1%/4.3% ... on test/testother": a pair of values and a pair of splits, in order
        "pair": regex.compile(r"(?<![\p{L}\-])(?P<pair>" + pair + r")(?![\p{L}\-])", regex.I),
        # "COCO test-dev", "Cityscapes test set", "ADE20K (val)", "SQuAD v2.0 dev": the split right after the name
        "after": regex.compile(r"\s*(?:v?\d+(?:\.\d+)*\s+)?(?:\(\s*)?(?:the\s+)?" + split, regex.I),
        # "the validation set of PASCAL VOC 2012"
        "before": regex.compile(r"\b" + split + r"\s+" + where + r"\s+(?:of|on|in|from)\s+(?:the\s+)?$", regex.I),
        # "(val: 66.3, test: 66.5)"
        "labelled": regex.compile(r"(?<![\p{L}\-])" + split + r"\s*[:=]\s*$", regex.I),
        # "64.9% in the val set and 65.5% in the test set"
        "following": regex.compile(r"\s*(?:[\p{L}\-]+\s+)?(?:on|in)\s+(?:the\s+)?" + split + r"(?:\s+" + where + r")?", regex.I),
        # the split ends the name the catalogue matched ("COCO test-dev" is an alias of COCO)
        "inside": regex.compile(r"(?<![\p{L}\-])" + split + r"\s*\)?$", regex.I),
    }


def find_split(sentence: str, start: int | None, end: int | None, name_start: int | None,
               name_end: int | None) -> str | None:
    """The split of the score at ``sentence[start:end]`` on the benchmark named at ``[name_start, name_end)``:
    written just before the number ("val: 66.3") or just after it ("in the test set"), else next to the name
    (``start`` ``None``: only next to the name)."""
    lo = min(x for x in (start, name_start) if x is not None) if (start, name_start) != (None, None) else 0
    hi = max(x for x in (end, name_end) if x is not None) if (end, name_end) != (None, None) else len(sentence)
    window = sentence[max(0, lo - 60) : hi + 60].lower()
    if not any(word in window for word in _cues()):
        return None  # no split word near: the usual case, decided without a regex
    patterns = _patterns()
    if start is not None and (side := _pair_side(sentence, start, end)) is not None:
        pair = patterns["pair"].search(sentence, max(0, start - 150), end + 150)
        if pair:
            return _pairs()[_key(pair["pair"])].split("/")[side]
    found = start is not None and (patterns["labelled"].search(sentence[max(0, start - 14) : start])
                                   or patterns["following"].match(sentence, end, end + 40))
    if not found and name_start is not None:
        found = (patterns["inside"].search(sentence[name_start:name_end])
                 or patterns["after"].match(sentence, name_end, name_end + 30)
                 or patterns["before"].search(sentence[max(0, name_start - 40) : name_start]))
    return _splits()[_key(found["split"])][0] if found else None


_SLASH_NEXT = regex.compile(r"\s*/\s*\d")
_SLASH_BEFORE = regex.compile(r"\d\s*%?\s*/\s*$")


def _pair_side(sentence: str, start: int, end: int) -> int | None:
    """0 for the first value of "2.1%/4.3%", 1 for the second, ``None`` outside such a pair."""
    if _SLASH_NEXT.match(sentence, end):
        return 0
    return 1 if _SLASH_BEFORE.search(sentence[max(0, start - 12) : start]) else None


def board_split(split: object) -> bool:
    """True when results on ``split`` are a board of their own (LibriSpeech test-clean and test-other)."""
    return isinstance(split, str) and any(name == split and own for name, own in _rows().values())
