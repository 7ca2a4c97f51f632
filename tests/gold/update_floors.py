"""Raise the floors in floors.json to just under the measured figures (floors never go down).

Claim gold files get F1 floors, overall and per kind with at least 10 gold claims;
leaderboard-tuple files (pwc-sota format) get floors on value recall, +dataset,
+dataset+metric and board recall.

Run: python tests/gold/update_floors.py
"""

import json
import math
from pathlib import Path

from extractor.evaluate import evaluate, read_gold
from extractor.tuples import is_tuples_file
from leaderboards.agreement import floor_figures, score_tuples

HERE = Path(__file__).parent
MARGIN = 0.01


def floor(f1: float) -> float:
    return round(max(0.0, math.floor(f1 * 100) / 100 - MARGIN), 2)


def raise_claim_floors(entry: dict, path: Path) -> dict:
    result = evaluate(read_gold(path))
    entry = {"overall": 0.0, "per_kind": {}, **entry}
    entry["overall"] = max(entry["overall"], floor(result["overall"]["f1"]))
    for kind, scores in result["per_kind"].items():
        if scores["gold"] >= 10:
            entry["per_kind"][kind] = max(entry["per_kind"].get(kind, 0.0), floor(scores["f1"]))
    return entry


def raise_tuple_floors(entry: dict, path: Path) -> dict:
    figures = floor_figures(score_tuples(path, boards=True))
    return {name: max(entry.get(name, 0.0), floor(share)) for name, share in figures.items()}


def main() -> None:
    path = HERE / "floors.json"
    floors = json.loads(path.read_text())
    for gold in sorted(HERE.glob("*.jsonl")):
        raise_floors = raise_tuple_floors if is_tuples_file(gold) else raise_claim_floors
        floors[gold.name] = raise_floors(floors.get(gold.name, {}), gold)
    path.write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n")
    print(json.dumps(floors, indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
