"""Raise the F1 floors in floors.json to just under the measured figures (floors never go down).

Run: python tests/gold/update_floors.py
"""

import json
import math
from pathlib import Path

from extractor.evaluate import evaluate, read_gold

HERE = Path(__file__).parent
MARGIN = 0.01


def floor(f1: float) -> float:
    return round(max(0.0, math.floor(f1 * 100) / 100 - MARGIN), 2)


def main() -> None:
    path = HERE / "floors.json"
    floors = json.loads(path.read_text())
    for name in sorted(floors):
        result = evaluate(read_gold(HERE / name))
        entry = floors[name]
        entry["overall"] = max(entry["overall"], floor(result["overall"]["f1"]))
        for kind, scores in result["per_kind"].items():
            if scores["gold"] >= 10:
                entry["per_kind"][kind] = max(entry["per_kind"].get(kind, 0.0), floor(scores["f1"]))
    path.write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n")
    print(json.dumps(floors, indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
