"""The gold files follow the claims contract, and accuracy never falls below its floors."""

import json
from pathlib import Path

import pytest

from extractor.evaluate import evaluate, read_gold
from extractor.tuples import is_tuples_file
from leaderboards.agreement import floor_figures, score_tuples

GOLD = Path(__file__).parent / "gold"
KINDS = {"speedup", "reduction", "improvement", "score", "model_size", "data_size", "compute", "memory",
         "time", "throughput", "energy", "hardware", "count"}
QUALIFIERS = {"exact", "approx", "max", "mean", "lower", "upper"}
FIELDS = {"kind", "surface", "value", "low", "high", "unit", "qualifier", "subject", "baseline", "benchmark",
          "metric", "aspect", "hardware", "count", "own"}
GOLD_FILES = sorted(p for p in GOLD.glob("*.jsonl") if not is_tuples_file(p))
FLOORS = json.loads((GOLD / "floors.json").read_text())


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.name for p in GOLD_FILES])
def test_gold_follows_the_contract(path):
    papers = read_gold(path)
    assert len({p["id"] for p in papers}) == len(papers)
    for paper in papers:
        for claim in paper["claims"]:
            where = (paper["id"], claim.get("surface"))
            assert set(claim) == FIELDS, where
            assert claim["kind"] in KINDS and claim["qualifier"] in QUALIFIERS, where
            assert claim["surface"] in paper["text"], where
            if claim["kind"] == "hardware":
                assert isinstance(claim["value"], str), where
            elif claim["value"] is None:
                assert isinstance(claim["low"], (int, float)) and isinstance(claim["high"], (int, float)), where
            else:
                assert isinstance(claim["value"], (int, float)), where


def test_seed_gold_covers_every_unique_paper(bundled):
    papers = bundled[0]
    gold = read_gold(GOLD / "seeds.jsonl")
    assert {p["id"] for p in gold} == set(papers.paper_id)
    by_id = dict(zip(papers.paper_id, papers.text))
    assert all(by_id[p["id"]] == p["text"] for p in gold)


CLAIM_FLOORS = sorted(name for name in FLOORS if "overall" in FLOORS[name])
TUPLE_FLOORS = sorted(name for name in FLOORS if "overall" not in FLOORS[name])


def test_every_gold_file_has_floors():
    assert set(FLOORS) == {p.name for p in GOLD.glob("*.jsonl")}


@pytest.mark.parametrize("name", CLAIM_FLOORS)
def test_accuracy_stays_above_its_floors(name):
    result = evaluate(read_gold(GOLD / name))
    floors = FLOORS[name]
    assert result["overall"]["f1"] >= floors["overall"]
    for kind, floor in floors.get("per_kind", {}).items():
        assert result["per_kind"][kind]["f1"] >= floor, kind


@pytest.mark.parametrize("name", TUPLE_FLOORS)
def test_tuple_recall_stays_above_its_floors(name):
    figures = floor_figures(score_tuples(GOLD / name, boards=True))
    for figure, floor in FLOORS[name].items():
        assert figures[figure] >= floor, figure
