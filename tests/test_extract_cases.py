"""Table-driven extraction cases: tests/cases/extract_cases.tsv (format in its header).

Each case runs ``extract(text)`` and compares, in text order, the list of
``kind value qualifier`` (value at 4 significant digits, ``low..high`` for a
range, the canonical device name for hardware) with the expected column; the
optional ``field=value`` pairs are checked on the first claim, and every
claim's span must reproduce its surface. An expected column prefixed with
``XFAIL `` marks a known extractor failure, run as a strict xfail.
"""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from extractor import extract

CASES = Path(__file__).parent / "cases" / "extract_cases.tsv"
KINDS = {"speedup", "reduction", "improvement", "score", "model_size", "data_size", "compute", "memory",
         "time", "throughput", "energy", "hardware", "count"}
QUALIFIERS = {"exact", "approx", "max", "mean", "lower", "upper"}
XFAIL = "XFAIL "


def _sig(x: float) -> str:
    """A number at 4 significant digits, as a canonical string."""
    return "0" if x == 0 else repr(float(f"{float(x):.4g}"))


def _parse_expected(column: str) -> list[dict]:
    """``kind value [qualifier]`` items separated by ``;``."""
    claims = []
    for item in filter(None, (part.strip() for part in column.split(";"))):
        words = shlex.split(item)
        assert 2 <= len(words) <= 4, f"bad expected item {item!r}"
        kind, value, rest = words[0], words[1], words[2:]
        assert kind in KINDS, f"unknown kind in {item!r}"
        claim = {"kind": kind, "qualifier": "exact", "names": None, "count": None, "value": None}
        if kind == "hardware":
            claim["names"] = [n.strip() for n in value.split("|")]
            if rest and rest[0].startswith("x") and rest[0][1:].isdigit():
                claim["count"] = int(rest.pop(0)[1:])
        elif ".." in value:
            low, high = value.split("..")
            claim["value"] = f"{_sig(float(low))}..{_sig(float(high))}"
        else:
            claim["value"] = _sig(float(value))
        if rest:
            claim["qualifier"] = rest.pop(0)
        assert not rest and claim["qualifier"] in QUALIFIERS, f"bad expected item {item!r}"
        claims.append(claim)
    return claims


def _render_expected(e: dict) -> str:
    if e["kind"] == "hardware":
        text = f'hardware "{"|".join(e["names"])}"' + (f" x{e['count']}" if e["count"] is not None else "")
    else:
        text = f"{e['kind']} {e['value']}"
    return f"{text} {e['qualifier']}"


def _render_actual(c, e: dict | None) -> str:
    """The claim in the expected column's notation; hardware is rendered like the aligned
    expected item when the device name matches (so only real differences show)."""
    if c.kind == "hardware":
        name = str(c.value)
        if e is not None and e["kind"] == "hardware" and name.lower() in {n.lower() for n in e["names"]}:
            name = "|".join(e["names"])
        count = f" x{c.count}" if e is not None and e["kind"] == "hardware" and e["count"] is not None else ""
        text = f'hardware "{name}"{count}'
    elif c.value is None and c.low is not None and c.high is not None:
        text = f"{c.kind} {_sig(c.low)}..{_sig(c.high)}"
    elif isinstance(c.value, (int, float)):
        text = f"{c.kind} {_sig(c.value)}"
    else:
        text = f"{c.kind} {c.value!r}"
    return f"{text} {c.qualifier}"


def _norm(value) -> str:
    """A field value as the contract scores strings: lower-cased, no spaces, hyphens or underscores."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return "".join(ch for ch in str(value).lower() if ch not in " \t\u00a0\u2009\u202f-_")


def _field_matches(actual, wanted: str) -> bool:
    accepted = {_norm(w) for w in wanted.split("|")}
    got = {_norm(a) for a in str(actual).split("|")} if isinstance(actual, str) else {_norm(actual)}
    return bool(accepted & got)


def _load_cases():
    params = []
    for lineno, line in enumerate(CASES.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        columns = line.split("\t")
        if columns[0] == "text" and columns[1:2] == ["expected"]:
            continue
        assert len(columns) <= 3, f"line {lineno}: too many columns"
        text, expected, fields = (columns + ["", ""])[:3]
        marks = ()
        if expected.startswith(XFAIL):
            expected = expected[len(XFAIL):]
            marks = (pytest.mark.xfail(strict=True, reason="known extractor failure (see TSV)"),)
        params.append(pytest.param(text, expected, fields, id=f"L{lineno}", marks=marks))
    return params


CASE_PARAMS = _load_cases()


def test_the_table_is_large_enough():
    assert len(CASE_PARAMS) >= 220


@pytest.mark.parametrize(("text", "expected", "fields"), CASE_PARAMS)
def test_extract_case(text, expected, fields):
    want = _parse_expected(expected)
    claims = sorted(extract(text), key=lambda c: (c.start, c.end))

    for c in claims:
        assert text[c.start:c.end] == c.surface, f"span {c.start}:{c.end} is {text[c.start:c.end]!r}, surface {c.surface!r}"

    got_rendered = [_render_actual(c, want[i] if i < len(want) else None) for i, c in enumerate(claims)]
    want_rendered = [_render_expected(e) for e in want]
    assert got_rendered == want_rendered, f"\ntext:     {text}\nexpected: {want_rendered}\ngot:      {got_rendered}"

    for c, e in zip(claims, want):
        if e["kind"] == "hardware" and e["count"] is not None:
            assert c.count == e["count"], f"{c.surface!r}: count {c.count}, expected {e['count']}"

    if fields:
        assert claims, "field checks need a first claim"
        first = claims[0]
        for pair in shlex.split(fields):
            name, _, wanted = pair.partition("=")
            assert hasattr(first, name), f"unknown field {name!r}"
            actual = getattr(first, name)
            assert _field_matches(actual, wanted), f"{name}: got {actual!r}, expected {wanted!r}"
