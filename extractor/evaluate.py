"""Score the extractor against a gold file, exactly as the claims contract says.

A predicted claim matches a gold claim of the same paper when the kinds are
equal and the numbers agree within 0.5 % relative (value, or both ends of a
range; for hardware, the canonical names agree case-insensitively). Matching
is one-to-one, greedy in text order.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import regex

from .core import extract
from .errors import InputError

LINKED_FIELDS = ["qualifier", "subject", "baseline", "benchmark", "metric"]
TOLERANCE = 0.005


def read_gold(path: str | Path) -> list[dict]:
    """Papers of a gold JSON Lines file; a malformed line raises InputError naming it."""
    from .tuples import json_records
    papers = []
    for number, paper in json_records(path):
        if "text" not in paper or "claims" not in paper:
            raise InputError(f"{path}:{number}: a gold line needs 'text' and 'claims'")
        papers.append(paper)
    return papers


def _close(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b)) or a == b


def _alternatives(value) -> list[str]:
    return [_fold(v) for v in str(value).split("|")] if value not in (None, "") else []


def _fold(text: str) -> str:
    return regex.sub(r"[\s\-_]+", "", str(text).lower())


def numbers_agree(predicted: dict, gold: dict) -> bool:
    """Do the numbers (or hardware names) of two claims of one kind agree?"""
    if gold["kind"] == "hardware":
        return _fold(predicted.get("value") or "") in _alternatives(gold.get("value"))
    if gold.get("value") is None and gold.get("low") is not None:
        return _close(predicted.get("low"), gold.get("low")) and _close(predicted.get("high"), gold.get("high"))
    return predicted.get("value") is not None and _close(predicted.get("value"), gold.get("value"))


def field_right(predicted, gold) -> bool:
    """A linked field is right when it equals one of the gold's alternatives (both null is right)."""
    if gold in (None, ""):
        return predicted in (None, "")
    return predicted not in (None, "") and _fold(predicted) in _alternatives(gold)


def match_claims(predicted: list[dict], gold: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one matches, greedy in text order of the gold claims."""
    used, pairs = set(), []
    for g in gold:
        for i, p in enumerate(predicted):
            if i not in used and p["kind"] == g["kind"] and numbers_agree(p, g):
                used.add(i)
                pairs.append((p, g))
                break
    return pairs


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    precision = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    recall = tp / n_gold if n_gold else (1.0 if not n_pred else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "gold": n_gold, "predicted": n_pred, "matched": tp}


def evaluate(gold_papers: list[dict], extractor=extract) -> dict:
    """Precision/recall/F1 overall and per kind, field accuracies, and the misses."""
    tp, n_pred, n_gold = Counter(), Counter(), Counter()
    right, misses = Counter(), []
    matched_total = 0
    for paper in gold_papers:
        predicted = [c.to_dict() for c in extractor(paper["text"], paper.get("title"))]
        gold = paper["claims"]
        pairs = match_claims(predicted, gold)
        matched_total += len(pairs)
        n_pred.update(c["kind"] for c in predicted)
        n_gold.update(c["kind"] for c in gold)
        tp.update(g["kind"] for _, g in pairs)
        for p, g in pairs:
            right.update(f for f in LINKED_FIELDS if field_right(p.get(f), g.get(f)))
        paired_p = {id(p) for p, _ in pairs}
        paired_g = {id(g) for _, g in pairs}
        pid = paper.get("id")
        misses += [{"paper": pid, "type": "missed", "kind": g["kind"], "surface": g["surface"], "value": g.get("value")} for g in gold if id(g) not in paired_g]
        misses += [{"paper": pid, "type": "spurious", "kind": p["kind"], "surface": p["surface"], "value": p.get("value"), "rule": p["rule"]} for p in predicted if id(p) not in paired_p]
    kinds = sorted(set(n_gold) | set(n_pred))
    return {
        "papers": len(gold_papers),
        "overall": _prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values())),
        "per_kind": {k: _prf(tp[k], n_pred[k], n_gold[k]) for k in kinds},
        "field_accuracy": {f: round(right[f] / matched_total, 4) if matched_total else None for f in LINKED_FIELDS},
        "misses": misses,
    }


def format_report(result: dict, show_misses: bool = False) -> str:
    """The evaluation as a plain-text table."""
    lines = [f"papers: {result['papers']}", f"{'kind':<12} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5}"]
    rows = [("overall", result["overall"])] + list(result["per_kind"].items())
    for name, r in rows:
        lines.append(f"{name:<12} {r['precision']:>6.3f} {r['recall']:>6.3f} {r['f1']:>6.3f} {r['gold']:>5} {r['predicted']:>5}")
    lines.append("field accuracy on matched claims: " + ", ".join(
        f"{k} {v:.3f}" if v is not None else f"{k} n/a" for k, v in result["field_accuracy"].items()))
    if show_misses:
        for m in result["misses"]:
            lines.append(f"  {m['type']:<8} {m['paper']} {m['kind']:<12} {m['surface']!r} {m.get('value')} {m.get('rule', '')}")
    return "\n".join(lines)
