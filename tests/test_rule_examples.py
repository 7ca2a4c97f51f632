"""Every rule file with an ``example`` column: each example is read by the rule it illustrates."""

import pytest

from extractor import extract
from extractor.rules import read_rows

LOST_FACTORS = read_rows("lost_factors.csv", ("side", "pattern", "example"))
SCORE_UNITS = read_rows("score_units.csv", ("spelling", "example"))


@pytest.mark.parametrize("row", SCORE_UNITS, ids=[r["spelling"] for r in SCORE_UNITS])
def test_score_unit_examples(row):
    scores = [c for c in extract(row["example"]) if c.kind == "score"]
    assert len(scores) == 1 and scores[0].unit == "point" and scores[0].metric, [(c.kind, c.surface) for c in extract(row["example"])]


@pytest.mark.parametrize("row", LOST_FACTORS, ids=[r["example"][:40] for r in LOST_FACTORS])
def test_lost_factor_examples(row):
    kinds = [(c.kind, c.rule) for c in extract(row["example"])]
    assert any(kind in ("speedup", "reduction") and rule == "factor:lost-x" for kind, rule in kinds), kinds


@pytest.mark.parametrize("text", [
    "We evaluate 3 faster variants of the model.",          # a count of variants, not a factor
    "The model is 2.3 points higher in accuracy.",          # points, not a factor
    "Our speedups of 12% come from fusion.",                # a percentage stays a percentage
])
def test_not_lost_factors(text):
    assert all(c.rule != "factor:lost-x" for c in extract(text))


COMPLEMENTS = read_rows("complements.csv", ("metric", "complement", "example"))


@pytest.mark.parametrize("row", COMPLEMENTS, ids=[r["metric"] for r in COMPLEMENTS])
def test_complement_examples(row):
    [score] = [c for c in extract(row["example"]) if c.kind == "score"]
    assert score.metric == row["complement"], score.metric


COST_SHARES = read_rows("cost_shares.csv", ("pattern", "example"))


@pytest.mark.parametrize("row", COST_SHARES, ids=[r["example"][:40] for r in COST_SHARES])
def test_cost_share_examples(row):
    kinds = [(c.kind, c.rule) for c in extract(row["example"])]
    assert any(kind in ("speedup", "reduction") and rule == "factor:cost-share" for kind, rule in kinds), kinds


@pytest.mark.parametrize("text", [
    "We propose a third approach to alignment.",          # an ordinal, not a fraction
    "A quarter of the answers were wrong.",                # a share, not of a cost
])
def test_not_cost_shares(text):
    assert all(c.rule != "factor:cost-share" for c in extract(text))


SPLITS = read_rows("splits.csv", ("written", "split", "board", "example"))


@pytest.mark.parametrize("row", SPLITS, ids=[r["written"] for r in SPLITS])
def test_split_examples(row):
    splits = [c.split for c in extract(row["example"]) if c.kind == "score"]
    wanted = row["split"].split("/")  # a pair names the splits of two values in order
    assert any(splits[i : i + len(wanted)] == wanted for i in range(len(splits))), splits


@pytest.mark.parametrize("text", [
    "Our detector reaches 55.1 AP on COCO.",                       # no split written
    "We test 3 models and reach 81.2% accuracy on ImageNet.",      # "test" is a verb, not a split
    "Our model reaches 82.0% on CIFAR-10 and the test set of MNIST.",  # the split is another benchmark's
])
def test_no_split(text):
    assert [c.split for c in extract(text) if c.kind == "score"] == [None], [(c.surface, c.split) for c in extract(text)]


MODIFIERS = read_rows("metric_modifiers.csv", ("word", "example"))


@pytest.mark.parametrize("row", MODIFIERS, ids=[r["word"] for r in MODIFIERS])
def test_metric_modifier_examples(row):
    scores = [c for c in extract(row["example"]) if c.kind == "score"]
    assert len(scores) == 1 and scores[0].metric, [(c.kind, c.surface, c.metric) for c in extract(row["example"])]


@pytest.mark.parametrize("text", [
    "We compare 8 different accuracy measures.",       # not a listed modifier: a count, not a score
    "The suite has 12 test accuracy checks.",          # a count of checks
])
def test_no_modifier_score(text):
    assert [c.surface for c in extract(text) if c.kind == "score"] == []


OWN_PARTS = read_rows("own_parts.csv", ("noun", "example"))


@pytest.mark.parametrize("row", OWN_PARTS, ids=[r["noun"] for r in OWN_PARTS])
def test_own_part_examples(row):
    assert not [c for c in extract(row["example"]) if c.kind == "count"], row["example"]


@pytest.mark.parametrize("text", [
    "We evaluate against four methods on ImageNet.",        # compared methods are counted
    "We introduce two new benchmarks, How2QA and How2R.",    # what the paper releases is counted
])
def test_counts_that_are_not_own_parts(text):
    assert [c for c in extract(text) if c.kind == "count"]
