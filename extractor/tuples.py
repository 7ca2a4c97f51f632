"""Score the extractor on external leaderboard tuples (the pwc-sota format).

A tuples file is JSON Lines (optionally gzipped), one paper a line:
``{"id", "text", "tuples": [{"dataset", "metric", "score_value", "in_abstract", "scale", ...}]}``.
The figures follow the format's own README ("How it is scored"):

- a claim **carries** a tuple's target ``score_value * scale`` when its value is
  within 0.5 % relative of it, or when a number written in its surface is;
- two names **loosely match** when, lower-cased and reduced to letters and
  digits, one contains the other or their ``difflib`` ratio is at least 0.8;
- **value recall**: some claim of the paper carries the target; **+dataset**:
  one such claim's benchmark loosely matches the dataset; **+dataset+metric**:
  one such claim matches both.

Board-level figures (board recall, board agreement) are in
:mod:`leaderboards.agreement`; they use the helpers here.
"""

from __future__ import annotations

import difflib
import functools
import gzip
import json
from pathlib import Path

import regex

from .core import extract
from .errors import InputError

TOLERANCE = 0.005
LEVELS = ("value", "dataset", "dataset_metric")
_NUMBER = regex.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|\.\d+")
_NOT_ALNUM = regex.compile(r"[^\p{L}\p{N}]+")


def is_tuples_file(path: str | Path) -> bool:
    """Does the file's first record hold leaderboard ``tuples`` (rather than gold ``claims``)?"""
    for _, record in json_records(path):
        return "tuples" in record
    return False


def read_tuples(path: str | Path) -> list[dict]:
    """Papers of a tuples file; a malformed line raises InputError naming the file and line."""
    papers = []
    for number, record in json_records(path):
        if "text" not in record or not isinstance(record.get("tuples"), list):
            raise InputError(f"{path}:{number}: a tuples line needs 'text' and a 'tuples' list")
        papers.append(record)
    return papers


def json_records(path: str | Path):
    """``(line number, object)`` of each non-blank line of a JSON Lines file (gzipped when it ends in .gz);
    a malformed line raises InputError naming the file and line."""
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                raise InputError(f"{path}:{number}: malformed JSON: {err.msg}") from err
            if not isinstance(record, dict):
                raise InputError(f"{path}:{number}: a line must be a JSON object")
            yield number, record


def merge_tuples(papers: list[dict], more: list[dict]) -> list[dict]:
    """``papers`` with the tuples of the same ids from ``more`` added (the corpus leaves dev tuples empty)."""
    extra: dict[str, list] = {}
    for paper in more:
        extra.setdefault(str(paper["id"]), []).extend(paper["tuples"])
    return [{**p, "tuples": p["tuples"] + extra.get(str(p["id"]), [])} for p in papers]


def grounded(paper: dict) -> list[dict]:
    """The tuples of a paper whose numeric score occurs in its abstract."""
    return [t for t in paper["tuples"] if t.get("in_abstract") and isinstance(t.get("score_value"), (int, float))]


def target(item: dict) -> float:
    """The number the abstract should hold for a grounded tuple."""
    return float(item["score_value"]) * float(item.get("scale") or 1.0)


def close(a: float | None, b: float) -> bool:
    """Within 0.5 % relative (or equal)."""
    return a is not None and (a == b or abs(a - b) <= TOLERANCE * max(abs(a), abs(b)))


def surface_numbers(surface: str) -> list[float]:
    """The numbers written in a surface ("1,024", "84.3\\%", "2.1/4.6") as floats."""
    return [float(n.replace(",", "")) for n in _NUMBER.findall(surface or "")]


def carries(claim: dict, goal: float) -> bool:
    """Does the claim carry the target: its value, or a number of its surface, within 0.5 %?"""
    value = claim.get("value")
    if isinstance(value, (int, float)) and not isinstance(value, bool) and close(float(value), goal):
        return True
    return any(close(n, goal) for n in surface_numbers(claim.get("surface")))


@functools.lru_cache(maxsize=65536)
def _letters(name: str) -> str:
    return _NOT_ALNUM.sub("", name.lower())


def loosely_matches(predicted: object, annotated: object) -> bool:
    """The README's loose match: containment or ``SequenceMatcher`` ratio >= 0.8 on folded strings."""
    if not isinstance(predicted, str) or not isinstance(annotated, str):
        return False
    a, b = _letters(predicted), _letters(annotated)
    if not a or not b:
        return False
    return a in b or b in a or difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


def tuple_level(claims: list[dict], item: dict) -> int:
    """How far the claims reach on one tuple: 0 none, 1 value, 2 +dataset, 3 +dataset+metric."""
    goal, level = target(item), 0
    for claim in claims:
        if not carries(claim, goal):
            continue
        level = max(level, 1)
        if loosely_matches(claim.get("benchmark"), item.get("dataset")):
            level = max(level, 2)
            if loosely_matches(claim.get("metric"), item.get("metric")):
                return 3
    return level


def _recall(found: int, total: int) -> float:
    return round(found / total, 4) if total else 0.0


def extracted(paper: dict) -> list[dict]:
    """The claims the extractor finds in a tuples file's paper, as dicts."""
    return [c.to_dict() for c in extract(paper["text"], paper.get("title"))]


def evaluate_tuples(papers: list[dict], claims_of=extracted) -> dict:
    """Value recall, +dataset and +dataset+metric over the grounded tuples, with every miss
    (``claims_of(paper)``: the paper's claims as dicts; by default the extractor runs on its text)."""
    reached = {level: 0 for level in LEVELS}
    misses, total = [], 0
    for paper in papers:
        items = grounded(paper)
        if not items:
            continue
        claims = claims_of(paper)
        for item in items:
            total += 1
            level = tuple_level(claims, item)
            for index, name in enumerate(LEVELS, start=1):
                reached[name] += level >= index
            if level < len(LEVELS):
                misses.append({"paper": paper["id"], "reached": LEVELS[level - 1] if level else "none",
                               "dataset": item.get("dataset"), "metric": item.get("metric"),
                               "target": target(item), "surface": item.get("surface")})
    return {
        "papers": sum(1 for p in papers if grounded(p)),
        "tuples": total,
        "recall": {name: _recall(reached[name], total) for name in LEVELS},
        "found": reached,
        "misses": misses,
    }


def format_tuples_report(result: dict, show_misses: bool = False) -> str:
    """The tuple figures as a plain-text table."""
    names = {"value": "value recall", "dataset": "+dataset", "dataset_metric": "+dataset+metric",
             "board_recall": "board recall", "board_agreement": "board agreement"}
    lines = [f"papers: {result['papers']}  grounded tuples: {result['tuples']}",
             f"{'figure':<18} {'share':>6} {'found':>6} {'of':>6}"]
    for name in LEVELS:
        lines.append(f"{names[name]:<18} {result['recall'][name]:>6.3f} {result['found'][name]:>6} {result['tuples']:>6}")
    for name in ("board_recall", "board_agreement"):
        if name in result:
            figure = result[name]
            lines.append(f"{names[name]:<18} {figure['share']:>6.3f} {figure['found']:>6} {figure['of']:>6}")
    if show_misses:
        for m in result["misses"]:
            lines.append(f"  {m['paper']:<14} reached {m['reached']:<14} {m['target']:<10g} {m['surface']!r} "
                         f"{m['dataset']!r} / {m['metric']!r}")
    return "\n".join(lines)
