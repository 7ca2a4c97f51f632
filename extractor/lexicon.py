"""The rule data files, loaded once into the tables and regex fragments the
scanner uses. Each fragment is built from data, longest spelling first."""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass

import regex

from .rules import catalogue_rows, load_benchmarks, load_metrics, read_rows


compiled = functools.cache(regex.compile)  # an inline pattern, compiled on first use and kept


@dataclass(frozen=True)
class UnitSpelling:
    spelling: str
    family: str
    unit: str | None
    multiplier: float


def alternation(words, flags_any: bool = True) -> str:
    """A regex alternation of literal ``words``, longest first."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def trie_alternation(words) -> str:
    """The alternation of literal ``words`` factored into a trie ("G(?:B|FLOPs|PU hours)"): the engine
    follows one branch per character instead of trying every word. At most one branch can match the
    next character, and a word's end is tried after its longer continuations, so it prefers the
    same match as ``alternation``. Under ``(?i:...)`` give lower-cased words, or branches differing
    only in case could both match."""
    trie: dict = {}
    for word in set(words):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    branches = [regex.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


@functools.cache
def unit_spellings() -> dict[str, UnitSpelling]:
    """Unit spellings keyed by how they are matched (lower-cased when case is ``any``)."""
    table = {}
    for row in read_rows("units.csv", ("spelling", "case", "family", "multiplier")):
        key = row["spelling"].lower() if row["case"] == "any" else row["spelling"]
        table[key] = UnitSpelling(row["spelling"], row["family"], row["unit"] or None, float(row["multiplier"]))
    return table


def lookup_unit(written: str) -> UnitSpelling | None:
    """The unit for a spelling as written."""
    table = unit_spellings()
    return table.get(written) or table.get(written.lower())


@functools.cache
def unit_pattern() -> str:
    """Regex fragment matching any unit spelling (case per the data file)."""
    exact = [r["spelling"] for r in read_rows("units.csv", ("spelling",)) if r["case"] == "exact"]
    loose = [r["spelling"] for r in read_rows("units.csv", ("spelling",)) if r["case"] == "any"]
    return f"(?:{trie_alternation(exact)}|(?i:{trie_alternation(w.lower() for w in loose)}))"


@functools.cache
def scales() -> dict[str, float]:
    """Scale suffixes and words with their factors."""
    return {r["spelling"]: float(r["factor"]) for r in read_rows("scales.csv", ("spelling", "factor"))}


def scale_factor(written: str) -> float:
    """The factor of a scale suffix or word (words in any case)."""
    table = scales()
    return table.get(written) or table.get(written.lower(), 1.0)


@functools.cache
def number_words() -> dict[str, float]:
    """Number words and phrases with their values, lower-cased."""
    return {r["word"].lower(): float(r["value"]) for r in read_rows("number_words.csv", ("word", "value"))}


@dataclass(frozen=True)
class Noun:
    noun: str
    kind: str
    unit: str | None
    aspect: str | None


@functools.cache
def nouns() -> dict[str, Noun]:
    """Counted nouns by lower-cased spelling."""
    rows = read_rows("nouns.csv", ("noun", "kind"))
    return {r["noun"].lower(): Noun(r["noun"], r["kind"], r["unit"] or None, r["aspect"] or None) for r in rows}


@functools.cache
def qualifier_phrases() -> dict[str, list[tuple[str, str]]]:
    """``{"before": [(phrase, qualifier)], "after": [...]}``, longest phrase first."""
    table: dict[str, list[tuple[str, str]]] = {"before": [], "after": []}
    for r in read_rows("qualifiers.csv", ("phrase", "qualifier", "side")):
        table[r["side"]].append((r["phrase"].lower(), r["qualifier"]))
    for side in table.values():
        side.sort(key=lambda pq: -len(pq[0]))
    return table


@functools.cache
def cues() -> list[tuple[str, str, str | None]]:
    """Context cues ``(cue, role, aspect)``, longest first."""
    rows = read_rows("cues.csv", ("cue", "role"))
    return sorted(((r["cue"].lower(), r["role"], r["aspect"] or None) for r in rows), key=lambda c: -len(c[0]))


@functools.cache
def cue_roles_by_word() -> dict[str, tuple[str, str | None]]:
    """``{cue: (role, aspect)}``."""
    return {c: (r, a) for c, r, a in cues()}


def _names_regex(names) -> regex.Pattern:
    short = [n for n in names if is_case_exact(n)]
    long = [n for n in names if not is_case_exact(n)]
    body = f"(?i:{alternation(long)})" + (f"|{alternation(short)}" if short else "")
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}_-])(?:{body})(?![\p{{L}}\p{{N}}_]|-\p{{N}})")


@functools.cache
def metric_regex() -> regex.Pattern:
    """Every metric alias as a whole word (aliases of 3 letters or fewer match case-sensitively)."""
    names = set()
    for metric in load_metrics().values():
        names.update(metric.aliases)
    return _names_regex(names)


MINED_EXACT_LENGTH = 6  # mined names this short match case exactly ("HiEve" is not "achieve", "REDS" not "reds")


@functools.cache
def case_exact_names() -> frozenset[str]:
    """Aliases matched case exactly beyond the 3-character rule: the short benchmark names mined from
    Papers with Code annotations, which as lower-case words are other words (metrics are often written
    in lower case, "dice", "hota", and stay case-insensitive)."""
    from .rules import CATALOGUE_FILES, aliases
    mined = CATALOGUE_FILES["benchmarks"][1:]
    names = {a for name in mined for row in read_rows(name, ("name",)) for a in aliases(row, "name")}
    hand = {a.lower() for files in CATALOGUE_FILES.values() for row in read_rows(files[0], ("name",))
            for a in aliases(row, "name")}
    return frozenset(a for a in names if len(a) <= MINED_EXACT_LENGTH and a.lower() not in hand)


def is_case_exact(alias: str) -> bool:
    """Is a catalogue alias matched only as written?"""
    return len(alias) <= 3 or alias in case_exact_names()


def _catalogue_names(kind: str) -> set[str]:
    from .rules import aliases
    if kind == "hardware":
        from .rules import device_rows
        return {a for _, spellings in device_rows() for a in spellings}
    if kind == "metrics":
        return {alias for metric in load_metrics().values() for alias in metric.aliases}
    rows = catalogue_rows("benchmarks", ("name",))
    return {a for row in rows for a in aliases(row, "name") if a != a.lower() or len(a) > 3}


@functools.cache
def _listed_names(kind: str) -> tuple[frozenset[str], frozenset[str]]:
    names = _catalogue_names(kind)
    return frozenset(n for n in names if is_case_exact(n)), frozenset(n.lower() for n in names if not is_case_exact(n))


def is_listed(name: str, kind: str) -> bool:
    """True when ``name`` is, whole, one of a catalogue's names ("hardware", "benchmarks", "metrics");
    names of 3 characters or fewer must match case exactly. A set look-up, not a regex scan."""
    exact, any_case = _listed_names(kind)
    return name in exact or name.lower() in any_case


NAME_KINDS = ("numbers", "cues", "hardware", "benchmarks", "metrics")
CATALOGUES = ("hardware", "benchmarks", "metrics")


@functools.cache
def name_automata() -> tuple:
    """Two Aho-Corasick automata (ahocorasick-rs DFAs) of every listed word, each with the ``(kind,
    spelling)`` entries of its words: one of lower-cased words (number words, cues, catalogue aliases)
    for lower-cased text, and one of the short aliases matched case exactly ("IS", "AR", "F1"), for
    the text as written, so that "is" and "ar" inside ordinary words never come up at all."""
    import ahocorasick_rs

    entries: dict[str, set[tuple[str, str]]] = {}
    for word in number_words():
        entries.setdefault(word, set()).add(("numbers", word))
    for cue, _, _ in cues():
        entries.setdefault(cue, set()).add(("cues", cue))
    for kind in CATALOGUES:
        for alias in _catalogue_names(kind):
            entries.setdefault(alias.lower(), set()).add((kind, alias))
    exact_only = {word for word, found in entries.items()
                  if all(is_case_exact(alias) and kind in CATALOGUES for kind, alias in found)}
    exact: dict[str, set[tuple[str, str]]] = {}
    for word in exact_only:
        for kind, alias in entries.pop(word):
            exact.setdefault(alias, set()).add((kind, alias))
    automata = []
    for table in (entries, exact):
        words = sorted(table)
        automata.append((ahocorasick_rs.AhoCorasick(words, implementation=ahocorasick_rs.Implementation.DFA),
                         [tuple(sorted(table[w])) for w in words]))
    return tuple(automata)


def _is_word_char(c: str) -> bool:
    """True for one letter, digit or underscore (False for "")."""
    return c.isalnum() or c == "_"


def lower_same_length(text: str) -> str:
    """``text`` lower-cased, each character to one (offsets stay valid)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)  # "İ" lower-cases to two characters


def find_names(text: str) -> dict[str, list]:
    """Every listed word in ``text``, found by the two automata of ``name_automata``, by kind (``NAME_KINDS``):

    - ``"numbers"``: the start of each number word not glued to a letter before it;
    - ``"cues"``: ``(start, end, cue)`` of each cue at a word start, every one, longest first at a start;
    - ``"hardware"``, ``"benchmarks"``, ``"metrics"``: ``(start, end, alias)`` of the catalogue's names as
      whole words, leftmost and longest first, never overlapping; aliases of 3 characters or fewer
      match case exactly; a device and an upper-case metric may take a plural "s" ("A100s", "AUCs").
    """
    found: dict[str, list] = {kind: [] for kind in NAME_KINDS}
    (loose, loose_entries), (exact, exact_entries) = name_automata()
    hits = [(loose_entries[i], start, end)
            for i, start, end in loose.find_matches_as_indexes(lower_same_length(text), overlapping=True)]
    hits += [(exact_entries[i], start, end) for i, start, end in exact.find_matches_as_indexes(text, overlapping=True)]
    for entries, start, end in hits:
        for kind, alias in entries:
            if kind in ("numbers", "cues"):
                if not (start and text[start - 1].isalpha()):
                    found[kind].append(start if kind == "numbers" else (start, end, alias))
            elif span := _whole_word(text, start, end, alias, plural=kind == "hardware" or (kind == "metrics" and alias[-1].isupper())):
                found[kind].append(span)
    found["numbers"].sort()
    found["cues"].sort(key=_start_longest_first)
    for kind in CATALOGUES:
        found[kind] = _leftmost_longest(found[kind])
    return found


def _whole_word(text: str, start: int, end: int, alias: str, plural: bool) -> tuple[int, int, str] | None:
    if is_case_exact(alias) and text[start:end] != alias:
        return None
    before, after = text[start - 1 : start] if start else "", text[end : end + 2]
    if plural and after[:1] == "s" and not _is_word_char(after[1:2]):
        after, end = after[1:], end + 1  # "eight A100s"
    if _is_word_char(before) or before == "-" or _is_word_char(after[:1]) or (after[:1] == "-" and after[1:2].isdigit()):
        return None
    return start, end, alias


def _leftmost_longest(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    if len(spans) < 2:
        return spans
    kept, reach = [], -1
    for start, end, alias in sorted(spans, key=lambda s: (s[0], -s[1], s[2])):
        if start >= reach:
            kept.append((start, end, alias))
            reach = end
    return kept


def names_within(names: dict[str, list], lo: int, hi: int) -> dict[str, list]:
    """The names of a text (``find_names``) that lie in ``text[lo:hi]``, with offsets from ``lo``;
    each kind is sliced when first asked for (most sentences need only one or two)."""
    return _NamesWithin(names, lo, hi)


class _NamesWithin(dict):
    def __init__(self, names: dict[str, list], lo: int, hi: int):
        super().__init__()
        self.names, self.lo, self.hi = names, lo, hi

    def __missing__(self, kind: str) -> list:
        spans, lo, hi = self.names[kind], self.lo, self.hi
        if kind == "numbers":
            found = [p - lo for p in spans[bisect.bisect_left(spans, lo) : bisect.bisect_left(spans, hi)]]
        else:
            first, last = bisect.bisect_left(spans, lo, key=_start), bisect.bisect_left(spans, hi, key=_start)
            found = [(s - lo, e - lo, a) for s, e, a in spans[first:last] if e <= hi]
        self[kind] = found
        return found


def _start(span: tuple) -> int:
    return span[0]


def _start_longest_first(span: tuple) -> tuple[int, int]:
    return span[0], -span[1]


@functools.cache
def score_unit_regex() -> regex.Pattern:
    """Spaces and an optional unit a metric's value is written in ("mm", "pixels", "dB"), then spaces:
    matches (perhaps empty) at any position."""
    spellings = [r["spelling"] for r in read_rows("score_units.csv", ("spelling",))]
    return regex.compile(rf"\s*(?:(?i:{alternation(spellings)})(?![\p{{L}}\p{{N}}])\s*)?")


@functools.cache
def metric_modifiers_regex() -> regex.Pattern:
    """Up to two words that may stand between a value and its metric (data/metric_modifiers.csv)."""
    words = alternation(r["word"] for r in read_rows("metric_modifiers.csv", ("word", "example")))
    return regex.compile(rf"\s*(?:(?:{words})\s+){{1,2}}", regex.I)


def _any_of(rows) -> regex.Pattern:
    """One case-insensitive pattern matching where any of the rows' ``pattern`` does."""
    return regex.compile("|".join(f"(?:{r['pattern']})" for r in rows), regex.I)


@functools.cache
def cost_share_pattern() -> regex.Pattern:
    """Where a fraction after a number is what a system needs of a baseline's cost (data/cost_shares.csv)."""
    return _any_of(read_rows("cost_shares.csv", ("pattern",)))


@functools.cache
def lost_factor_patterns() -> dict[str, regex.Pattern]:
    """``{"before": pattern, "after": pattern}``: where a bare number is a factor without its "x"."""
    rows = read_rows("lost_factors.csv", ("side", "pattern"))
    return {side: _any_of(r for r in rows if r["side"] == side) for side in ("before", "after")}


@functools.cache
def own_parts() -> frozenset[str]:
    """Counted nouns that after a verb of proposal are the paper's own parts (data/own_parts.csv)."""
    return frozenset(r["noun"].lower() for r in read_rows("own_parts.csv", ("noun", "example")))
