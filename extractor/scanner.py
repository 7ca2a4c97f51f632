"""Find quantities in prepared text: a number, its scale, its unit or the
noun it counts, and ranges of two of them. No meaning is assigned here."""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace

import regex

from . import lexicon

from .lexicon import compiled as _re  # noqa: E402 (inline patterns, compiled once)

# Words that may be glued to a number by scraping damage ("to1.5B", "by2x").
GLUE_WORDS = "to|by|of|from|than|and|with|at|over|only|reaching|achieving|about|nearly|approximately"
CHANGE_VERBS = r"(?:improv|increas|boost|rais|reduc|decreas|lower|cut|drop|jump|lift|push|enhanc|grow|go|rise|rose|climb|declin|shrink|advanc|bring|brought)\w*"


# gains in the plural (nouns only: "increases" may be a verb), then "from": their range ("improvements ranging
# from 0.8% to 3%"), not a change of one score
GAINS_RANGING = regex.compile(r"\b(?:improvements|gains|reductions|speed-?ups)\s+(?:(?:of|ranging)\s+)?from\s*\(?\s*$", regex.I)
# a second change joined to a first: "... from A to B on X and from C to D on Y"
AND_FROM = regex.compile(r"\bfrom\s+(?P<first>[\d.,]+)\s*\S{0,4}\s+to\s+[\d.,]+[^.;]{0,60}?\s*,?\s*and\s+from\s*\(?\s*$", regex.I)
SCAN_TIMEOUT = 2.0  # seconds per sentence: a last guard, far above any real sentence's cost


@functools.cache
def quantity_regex() -> regex.Pattern:
    """The quantity pattern, assembled from the data files' fragments."""
    words = lexicon.alternation(lexicon.number_words())
    scale_letters = lexicon.alternation(s for s in lexicon.scales() if len(s) <= 2)
    scale_words = lexicon.alternation(s for s in lexicon.scales() if len(s) > 2)
    starts = lexicon.alternation({w[:6] for w in lexicon.number_words()})
    pattern = rf"""
    (?=[\d+\-±.]|(?<![\p{{L}}])(?i:{starts}))  # cheap first-character filter: a digit, a sign or a number word
    (?:                                       # where a number may start:
        (?<![\p{{L}}\p{{N}}_./@^\\\-$'%])     #   not inside a word, name or number
      | (?<=\bsub-)                           #   "sub-10 ms"
      | (?<=(?<![\p{{L}}\p{{N}}.-])\d{{1,12}}(?:\.\d{{1,12}})?(?:%|[kKMB]|bn|[xX×])?\s?-\s?)  # second half of "10-100", "1%-2%", "10k-30k", "2.3x-3.8x" (bounded: linear)
      | (?<=(?<!\p{{L}})(?:{GLUE_WORDS}))     #   glued to a short word: "to1.5B"
      | (?<=(?<![\p{{L}}\p{{N}}.])\d{{1,6}}\.\d{{1,6}}%?/)  #   after a slash in "2.1%/4.6%", "91.05/83.28" (bounded: linear)
      | (?<=(?<![\p{{L}}])\p{{L}}{{2,12}}/)(?=\d{{1,6}}\.\d)  #   a decimal after a metric's slash: "72.0% mIoU/273.6 FPS"
    )
    (?:(?P<sign>[+\-±](?=\d))|(?P<spaced>\+)\s(?=\d))?  # "+4.03%", "+ 3.38%"
    (?:
        (?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?(?:e[+-]?\d{{1,3}}(?![\p{{L}}]))?|\.\d+)   # 1,000.5 | 12 | 1.70 | .5
      | (?<![\p{{L}}])(?P<word>(?i:{words}))(?![\p{{L}}])             # four, an order of magnitude
    )
    (?![\d]|\.\d|,\d{{3}})                    # whole number only
    (?:
        \s?(?P<unit>{lexicon.unit_pattern()})(?(?<=%)|(?![\p{{L}}\p{{N}}]))     # 1.70x, 60%, 3.4 GB
      | (?:\s|-(?=(?i:{scale_words})))?(?P<scale>(?:{scale_letters})(?![\p{{L}}\p{{N}}])|(?i:{scale_words})(?![\p{{L}}]))
        (?:\s?(?P<unit2>{lexicon.unit_pattern()})(?(?<=%)|(?![\p{{L}}\p{{N}}])))?    # 20M, 2 billion, 10-billion, 5k GPU hours
    )?
    (?P<plus>\+)?
    """
    return regex.compile(pattern, regex.X | regex.V0)


@functools.cache
def noun_regex() -> regex.Pattern:
    """A counted noun after a quantity, past at most two modifier words."""
    nouns = lexicon.alternation(lexicon.nouns())
    return regex.compile(rf"""
        (?:-|\s+(?:(?:(?!(?:of|the|and|or|in|on|for|to|with|from|than|by|a|an|is|are|was|were|these|those|this|that|its|their|can|could|will|would|may|might|using|which|who|whose|be|been|has|have|had|also|not)\b)[\p{{L}}][\p{{L}}\-]*
                  (?:\s+and\s+(?!(?:the|a|an)\b)[\p{{L}}][\p{{L}}\-]*)?|\([\p{{L}}\d\-]{{1,15}}\))\s+){{0,5}}?)
        (?P<noun>(?i:{nouns}))(?![\p{{L}}])
        """, regex.X)


@dataclass(slots=True)  # not frozen: a frozen dataclass costs three times as much to build
class Quantity:
    """A number found in the prepared text, with what was written around it."""

    start: int
    end: int
    value: float
    written: str
    scale: float = 1.0
    unit: str | None = None  # unit spelling as written
    noun: str | None = None
    noun_end: int | None = None
    from_word: bool = False
    sign: str | None = None
    high: float | None = None  # set for a range: value is then the low end
    plus: bool = False

    @property
    def is_range(self) -> bool:
        return self.high is not None


DIGIT_RUN = regex.compile(r"(?<![\d])\d")


def candidate_starts(text: str, names: dict | None = None) -> list[int]:
    """Where a quantity may start: each digit run (and the sign or dot before it) and each number word.

    Number words come from ``lexicon.find_names`` (``names``: its result for ``text``, when the caller
    has it): an Aho-Corasick pass is far cheaper than the regex trying its word alternation everywhere."""
    starts = set()
    for m in DIGIT_RUN.finditer(text):
        start = m.start()
        if start >= 2 and text[start - 1] == "." and text[start - 2].isdigit():
            continue  # the decimals of "1.5" (or a run like "1.1.1.1"): never a start
        starts.add(start)
        if start and text[start - 1] in "+-±.":
            starts.add(start - 1)
        elif start >= 2 and text[start - 1] == " " and text[start - 2] == "+" and not text[max(0, start - 4) : start - 2].strip().isdigit():
            starts.add(start - 2)  # "+4.03%, + 3.38%", not the sum "10 + 2"
    starts.update((lexicon.find_names(text) if names is None else names)["numbers"])
    return sorted(starts)


def _quantity_matches(text: str, starts: list[int] | None = None):
    """The quantity pattern's matches, tried only at candidate starts, left to right, never overlapping."""
    pattern, reach = quantity_regex(), 0
    for start in candidate_starts(text) if starts is None else starts:
        if start < reach:
            continue
        m = pattern.match(text, start, timeout=SCAN_TIMEOUT)
        if m and m.end() > m.start():
            reach = m.end()
            yield m


def find_quantities(text: str, starts: list[int] | None = None) -> list[Quantity]:
    """Every number in ``text`` with its scale, unit and counted noun (``starts``: the candidate
    starts, when the caller has scanned a larger text already)."""
    found, nouns, words = [], noun_regex(), lexicon.number_words()
    for m in _quantity_matches(text, starts):
        written, num, word, unit, unit2, scale, sign, plus = m.group(0, "num", "word", "unit", "unit2", "scale", "sign", "plus")
        sign = sign or m["spaced"]
        value = float(num.replace(",", "")) if num else words.get(word.lower())
        if value is None:
            continue
        unit, start, end = unit or unit2, m.start(), m.end()
        noun = noun_end = None
        if not unit and (n := nouns.match(text, end)):
            noun, noun_end = n["noun"], n.end()
        found.append(Quantity(start, end, value, written, lexicon.scale_factor(scale) if scale else 1.0, unit,
                              noun, noun_end, bool(word), sign, None, bool(plus)))
    return share_list_units(text, merge_ranges(text, found)) if len(found) > 1 else found


LIST_GAP = regex.compile(r"^\s*(?:,|and|or|,\s*and|(?:out\s+)?of)\s*$")


def share_list_units(text: str, found: list[Quantity]) -> list[Quantity]:
    """In "1.2 and 2.5 points" or "38.2, 41.7 and 44.0 BLEU", earlier bare numbers take the last one's unit."""
    out = list(found)
    for i in range(len(out) - 2, -1, -1):
        q, nxt = out[i], out[i + 1]
        bare = not (q.unit or q.noun or q.from_word or q.is_range) and not YEAR_IN_NAME.search(text, max(0, q.start - 30), q.end)
        if bare and (nxt.unit or nxt.noun) and LIST_GAP.match(text[q.end : nxt.start]) \
                and (q.scale == 1) == (nxt.scale == 1):
            out[i] = replace(q, unit=nxt.unit, noun=nxt.noun, noun_end=nxt.noun_end)
    return out


YEAR_IN_NAME = regex.compile(r"\p{Lu}[\p{L}\-]*\s+(?:19|20)\d\d$")  # "PASCAL VOC 2012 and 50.3%": a name's year, not a value


RANGE_GAP = regex.compile(r"^\s*(?:-|to|~)\s*$")
BETWEEN_GAP = regex.compile(r"^\s*and\s*$")


def _is_change(text: str, start: int, lead: str = r"\bfrom\s*") -> bool:
    """True when a change verb precedes ``start`` ("improves accuracy from" A to B)."""
    before = text[max(0, start - 80) : start]
    if lead and ("ments" in before or "gains" in before or "ups" in before) and GAINS_RANGING.search(before):
        return False  # "improvements from 0.8% to 3%": a range of gains
    if lead and "and from" in before and (then := AND_FROM.search(before)):  # "from 28.53 dB to 33.49 dB on Haze4k and from 37.17 dB to 38.41 dB"
        return _is_change(text, start - len(before) + then.start("first"))
    return bool(_re(rf"\b{CHANGE_VERBS}\b(?:[^.;]|\.(?=\d)){{0,60}}{lead}\(?\s*$", regex.I).search(before))  # a decimal point does not end it


def merge_ranges(text: str, found: list[Quantity]) -> list[Quantity]:
    """Join "10-100X", "4 to 7 times", "from 1B to 8B", "between 1.84x and 2.00x" into ranges."""
    out: list[Quantity] = []
    i = 0
    while i < len(found):
        q = found[i]
        nxt = found[i + 1] if i + 1 < len(found) else None
        if nxt and _joins_range(text, q, nxt):
            out.append(replace(nxt, start=q.start, value=q.value * (q.scale if q.scale != 1 else nxt.scale),
                               high=nxt.value * nxt.scale, scale=1.0, sign=q.sign,
                               written=text[q.start : nxt.end]))
            i += 2
            continue
        out.append(q)
        i += 1
    return out


RANGE_WORDS = ("-", "to", "~", "and")  # what RANGE_GAP and BETWEEN_GAP allow between the two numbers


def _joins_range(text: str, a: Quantity, b: Quantity) -> bool:
    gap = text[a.end : b.start]
    if gap.strip() not in RANGE_WORDS:
        return False  # the usual case, decided without a regex
    if a.unit and b.unit and lexicon.lookup_unit(a.unit) != lexicon.lookup_unit(b.unit):
        return False
    if a.noun or (a.unit and not b.unit):
        return False
    before = text[max(0, a.start - 25) : a.start].lower()
    if BETWEEN_GAP.match(gap):
        return bool(_re(r"\bbetween\s*$").search(before))
    if not RANGE_GAP.match(gap):
        return False
    if _re(r"\bfrom\s*$").search(before) and (_is_change(text, a.start) or (
            a.scale == 1 and not a.unit and _re(r"\(\s*from\s*$").search(before))):
        return False  # "improves X from 10.3 to 11.8", "(from 10.3 to 11.8)": a change, two values
    factors = a.unit and lexicon.lookup_unit(a.unit).family == "factor"  # "1.34x to 2.37x": no change is written so
    if "to" in gap and not factors and not _re(r"\b(?:from|by)\s*$").search(before) and _is_change(text, a.start, ""):
        return False  # "raises accuracy 4 to 15": a change; "raises it by 4 to 15 points": a range of gains
    if a.sign == "-" or (a.value * a.scale > b.value * b.scale and "-" in gap):
        return False
    return True
