"""The rule data files, loaded once into the tables and regex fragments the
scanner uses. Each fragment is built from data, longest spelling first."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from .rules import load_benchmarks, load_metrics, read_rows


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
    return f"(?:{alternation(exact)}|(?i:{alternation(loose)}))"


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


@functools.cache
def cue_regex() -> regex.Pattern:
    """One regex finding every cue at a word start."""
    return regex.compile(r"(?<![\p{L}])(?:" + alternation(c for c, _, _ in cues()) + ")", regex.I)


def _names_regex(names) -> regex.Pattern:
    short = [n for n in names if len(n) <= 3]
    long = [n for n in names if len(n) > 3]
    body = f"(?i:{alternation(long)})" + (f"|{alternation(short)}" if short else "")
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}_-])(?:{body})(?![\p{{L}}\p{{N}}_]|-\p{{N}})")


@functools.cache
def metric_regex() -> regex.Pattern:
    """Every metric alias as a whole word (aliases of 3 letters or fewer match case-sensitively)."""
    names = set()
    for metric in load_metrics().values():
        names.update(metric.aliases)
    return _names_regex(names)


@functools.cache
def benchmark_regex() -> regex.Pattern:
    """Every benchmark alias as a whole word."""
    names = set(load_benchmarks())
    originals = {a for a in names}
    from .rules import aliases
    for row in read_rows("benchmarks.csv", ("name",)):
        originals.update(aliases(row, "name"))
    return _names_regex({n for n in originals if n != n.lower() or len(n) > 3})


@functools.cache
def hardware_regex() -> regex.Pattern:
    """Every hardware alias as a whole word."""
    from .rules import aliases
    names = set()
    for row in read_rows("hardware.csv", ("name", "vendor", "class")):
        names.update(aliases(row, "name"))
    return _names_regex(names)


@functools.cache
def number_word_automaton():
    """An Aho-Corasick automaton of the number words (lower-cased)."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for word in number_words():
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


def _catalogue_names(kind: str) -> set[str]:
    from .rules import aliases
    if kind == "hardware":
        rows = read_rows("hardware.csv", ("name", "vendor", "class"))
        return {a for row in rows for a in aliases(row, "name")}
    if kind == "metrics":
        return {alias for metric in load_metrics().values() for alias in metric.aliases}
    rows = read_rows("benchmarks.csv", ("name",))
    return {a for row in rows for a in aliases(row, "name") if a != a.lower() or len(a) > 3}


@functools.cache
def _listed_names(kind: str) -> tuple[frozenset[str], frozenset[str]]:
    names = _catalogue_names(kind)
    return frozenset(n for n in names if len(n) <= 3), frozenset(n.lower() for n in names if len(n) > 3)


def is_listed(name: str, kind: str) -> bool:
    """True when ``name`` is, whole, one of a catalogue's names ("hardware", "benchmarks", "metrics");
    names of 3 characters or fewer must match case exactly. A set look-up, not a regex scan."""
    exact, any_case = _listed_names(kind)
    return name in exact or name.lower() in any_case


@functools.cache
def catalogue_automaton(kind: str):
    """An Aho-Corasick automaton of a catalogue's lower-cased aliases ("hardware", "benchmarks", "metrics")."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for alias in _catalogue_names(kind):
        automaton.add_word(alias.lower(), alias)
    automaton.make_automaton()
    return automaton


_WORD_CHAR = regex.compile(r"[\p{L}\p{N}_]")


def find_catalogue_names(text: str, kind: str, plurals: bool = False) -> list[tuple[int, int, str]]:
    """``(start, end, alias)`` of a catalogue's names as whole words (the alias as catalogued), leftmost
    and longest first, never overlapping; aliases of 3 characters or fewer must match case exactly."""
    lowered = text.lower()
    if len(lowered) != len(text):  # lower() changed the length (rare scripts): use the regex
        pattern = {"hardware": hardware_regex, "benchmarks": benchmark_regex, "metrics": metric_regex}[kind]()
        return [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]
    valid = []
    for end_index, alias in catalogue_automaton(kind).iter(lowered):
        start, end = end_index - len(alias) + 1, end_index + 1
        if len(alias) <= 3 and text[start:end] != alias:
            continue
        before, after = text[start - 1 : start], text[end : end + 2]
        if plurals and after[:1] == "s" and not _WORD_CHAR.match(after[1:2] or " "):
            after, end = after[1:], end + 1  # "eight A100s"
        if (before and (_WORD_CHAR.match(before) or before == "-")) or (after[:1] and _WORD_CHAR.match(after[:1])) \
                or (after[:1] == "-" and after[1:2].isdigit()):
            continue
        valid.append((start, -end, alias))
    found, reach = [], -1
    for start, neg_end, alias in sorted(valid):
        if start >= reach:
            found.append((start, -neg_end, alias))
            reach = -neg_end
    return found


def find_hardware_names(text: str) -> list[tuple[int, int, str]]:
    """Catalogue devices in ``text`` ("A100", "NVIDIA TX2", plurals such as "A100s")."""
    return find_catalogue_names(text, "hardware", plurals=True)
