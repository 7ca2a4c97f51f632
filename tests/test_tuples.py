"""The leaderboard-tuple scorer follows the pwc-sota README, pinned on hand-made claims."""

import json

import pandas as pd
import pytest

from extractor.tuples import (carries, evaluate_tuples, is_tuples_file, loosely_matches, read_tuples,
                              surface_numbers, tuple_level)
from leaderboards.agreement import board_agreement, board_recall


def claim(value=None, surface="", benchmark=None, metric=None):
    return {"value": value, "surface": surface, "benchmark": benchmark, "metric": metric}


def item(score, dataset="COCO test-dev", metric="box AP", scale=1.0):
    return {"dataset": dataset, "metric": metric, "score_value": score, "scale": scale, "in_abstract": True}


# claim, tuple, level reached (0 none, 1 value, 2 +dataset, 3 +dataset+metric)
LEVEL_CASES = [
    (claim(84.3, "84.3\\%", "COCO", "AP"), item(84.3), 3),                        # containment, both ways
    (claim(84.3, "84.3\\%", "COCO", "mIoU"), item(84.3), 2),                      # wrong metric
    (claim(84.3, "84.3\\%", "ImageNet", "box AP"), item(84.3), 1),                # wrong dataset
    (claim(84.6, "84.6", "COCO", "box AP"), item(84.3), 3),                       # 0.35 % off: carried
    (claim(84.8, "84.8", "COCO", "box AP"), item(84.3), 0),                       # 0.59 % off: not carried
    (claim(0.843, "0.843", "COCO", "box AP"), item(0.843, scale=100.0), 0),       # the target is 84.3
    (claim(84.3, "84.3%", "COCO", "box AP"), item(0.843, scale=100.0), 3),        # a fraction written as percent
    (claim(1.43e7, "14.3M", None, None), item(14.3, "ImageNet", "Params"), 1),    # the number as written
    (claim(0.013, "13 ms", "KITTI", "runtime"), item(13, "KITTI", "Runtime (ms)"), 3),
    (claim(None, "2.1/4.6", "LibriSpeech test-other", "WER"),
     item(4.6, "LibriSpeech test-other", "Word Error Rate (WER)"), 3),            # "wer" is contained
    (claim(None, "2.1/4.6", "LibriSpeech test-clean", "WER"),
     item(4.6, "LibriSpeech test-other", "Word Error Rate (WER)"), 3),            # ratio 0.8: "clean" ~ "other"
    (claim(1024.0, "1,024", None, None), item(1024, "x", "y"), 1),                # thousands separator
    (claim(79.3, "79.3", "Top 1 Accuracy", "ImageNet"), item(79.3, "ImageNet", "Top 1 Accuracy"), 1),  # swapped
    (claim(79.3, "79.3", "ImageNet", "top-1 accuracy"), item(79.3, "ImageNet", "Top 1 Accuracy"), 3),
]


@pytest.mark.parametrize("predicted, annotated, level", LEVEL_CASES)
def test_level_reached(predicted, annotated, level):
    assert tuple_level([predicted], annotated) == level


# predicted name, annotated name, loosely matching?
LOOSE_CASES = [
    ("COCO", "COCO test-dev", True),
    ("top-1 accuracy", "Top 1 Accuracy", True),
    ("CIFAR-10", "CIFAR-100", True),          # containment, as the README defines it
    ("SQuAD1.1", "SQuAD1.1 dev", True),
    ("Cityscapes", "Cityscapes test", True),
    ("ImageNet", "COCO", False),
    ("BLEU", "BLEU score", True),
    ("PSNR", "SSIM", False),
    (None, "COCO", False),
    ("", "COCO", False),
    ("\\%", "COCO", False),                   # nothing left after folding
]


@pytest.mark.parametrize("predicted, annotated, expected", LOOSE_CASES)
def test_loose_match(predicted, annotated, expected):
    assert loosely_matches(predicted, annotated) is expected


@pytest.mark.parametrize("surface, numbers", [
    ("84.3\\%", [84.3]), ("2.1/4.6", [2.1, 4.6]), ("1,024 GPUs", [1024.0]), ("$6.49 \\times$", [6.49]),
    ("x", []), (".5", [0.5]),
])
def test_surface_numbers(surface, numbers):
    assert surface_numbers(surface) == numbers


def test_a_hardware_claim_carries_only_by_its_surface():
    assert carries({"value": "NVIDIA A100", "surface": "8 A100"}, 8.0)
    assert not carries({"value": True, "surface": ""}, 1.0)


def test_value_recall_counts_grounded_numeric_tuples_only():
    papers = [{"id": "p1", "text": "We reach 84.3% AP on COCO and 50.1 mIoU.", "tuples": [
        item(84.3), item(50.1, "ADE20K", "mIoU"),
        {**item(99.0), "in_abstract": False},          # not grounded: not counted
        {**item(None), "score_value": None},           # not numeric: not counted
    ]}]
    fake = [claim(84.3, "84.3%", "COCO", "AP")]
    result = evaluate_tuples(papers, claims_of=lambda paper: fake)
    assert result["tuples"] == 2 and result["found"] == {"value": 1, "dataset": 1, "dataset_metric": 1}
    assert [m["target"] for m in result["misses"]] == [50.1]


def _boards():
    board = pd.DataFrame([{"paper_id": "p1", "value": 84.3, "surface": "84.3%"},
                          {"paper_id": "p2", "value": 40.0, "surface": "40%"},
                          {"paper_id": "p3", "value": 12.0, "surface": "12"}])
    return {("COCO", "AP"): board}


def test_board_figures():
    papers = [{"id": "p1", "text": "", "tuples": [item(84.3), item(10.0, "COCO", "AR")]},
              {"id": "p2", "text": "", "tuples": [item(0.4, "COCO minival")]},        # x 100 agrees; as a target, 0.4 is not 40
              {"id": "p3", "text": "", "tuples": [item(12.0, "ImageNet", "AP")]}]      # other dataset: no row
    assert board_recall(papers, _boards()) == {"share": 0.25, "found": 1, "of": 4}
    assert board_agreement(papers, _boards()) == {"share": 1.0, "found": 2, "of": 2}


def test_tuples_files_are_told_from_gold_files(tmp_path):
    tuples, gold = tmp_path / "t.jsonl", tmp_path / "g.jsonl"
    tuples.write_text(json.dumps({"id": "a", "text": "t", "tuples": []}) + "\n")
    gold.write_text(json.dumps({"id": "a", "text": "t", "claims": []}) + "\n")
    assert is_tuples_file(tuples) and not is_tuples_file(gold)
    assert read_tuples(tuples)[0]["id"] == "a"


def test_a_malformed_tuples_line_names_file_and_line(tmp_path):
    from extractor.errors import InputError
    path = tmp_path / "t.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "t", "tuples": []}) + "\n{oops\n")
    with pytest.raises(InputError, match=r"t\.jsonl:2"):
        read_tuples(path)
