"""Board exports are written in each format's own field names and read back."""

import io
import json

import pandas as pd
import pytest
import yaml
from click.testing import CliRunner

import leaderboards
from extractor.cli import main
from extractor.table import extract_claims
from leaderboards.exports import ROW_FIELDS, board_rows, boards_document, evaluation_tables, model_index

ABSTRACT = ("We present FooNet. FooNet reaches 84.3% top-1 accuracy on ImageNet and 51.2 box AP on COCO, "
            "while the previous best, BarNet, reaches 82.0% top-1 accuracy on ImageNet.")
# paperswithcode/sota-extractor taskdb v01 schema: the field names of evaluation-tables.json
TASK_FIELDS = {"task", "description", "categories", "datasets", "subtasks", "synonyms", "source_link"}
DATASET_FIELDS = {"dataset", "description", "sota", "subdatasets", "dataset_links", "dataset_citations"}
ROW_FIELDS_PWC = {"model_name", "paper_title", "paper_url", "paper_date", "code_links", "model_links", "metrics",
                  "uses_additional_data"}


@pytest.fixture(scope="module")
def claims():
    papers = pd.DataFrame({"paper_id": ["p1"], "arxiv_id": ["2103.14030"], "title": ["FooNet: Fast Nets"],
                           "date": ["2021-03"], "text": [ABSTRACT]})
    return extract_claims(papers)


@pytest.fixture(scope="module")
def boards(claims):
    return leaderboards.leaderboards(claims)


def test_rows_carry_what_a_reader_needs(boards):
    rows = board_rows(boards)
    assert rows and all(set(r) == set(ROW_FIELDS) for r in rows)
    foo = next(r for r in rows if r["subject"] == "FooNet" and r["value"] == 84.3)
    assert foo["benchmark"] == "ImageNet" and foo["unit"] == "%" and foo["own"] is True
    assert foo["arxiv_id"] == "2103.14030" and foo["url"] == "https://arxiv.org/abs/2103.14030"
    assert foo["date"] == "2021-03" and "84.3%" in foo["sentence"]


def test_json_document_reads_back(boards):
    document = json.loads(json.dumps(boards_document(boards)))
    assert isinstance(document, list)
    assert {(b["benchmark"], b["metric"]) for b in document} == set(boards)
    assert all(isinstance(r["value"], (int, float)) for b in document for r in b["rows"])


def test_evaluation_tables_use_the_formats_field_names(boards):
    tasks = json.loads(json.dumps(evaluation_tables(boards)))
    assert tasks and all(set(t) == TASK_FIELDS for t in tasks)
    datasets = [d for t in tasks for d in t["datasets"]]
    assert all(set(d) == DATASET_FIELDS and set(d["sota"]) == {"metrics", "rows"} for d in datasets)
    rows = [r for d in datasets for r in d["sota"]["rows"]]
    assert all(set(r) == ROW_FIELDS_PWC for r in rows)
    imagenet = next(d for d in datasets if d["dataset"] == "ImageNet")
    foo = next(r for r in imagenet["sota"]["rows"] if r["model_name"] == "FooNet")
    assert foo["paper_url"] == "https://arxiv.org/abs/2103.14030" and set(foo["metrics"]) <= set(imagenet["sota"]["metrics"])


def test_model_index_is_a_model_card_block(claims):
    text = model_index(claims, "2103.14030")
    assert text.startswith("---\n") and text.endswith("---\n")
    block = yaml.safe_load(text.strip("-\n"))
    [model] = block["model-index"]
    assert model["name"] == "FooNet"  # BarNet is a quoted baseline, not this paper's model
    for result in model["results"]:
        assert set(result) >= {"task", "dataset", "metrics"}
        assert {"type", "name"} <= set(result["task"]) and {"type", "name"} <= set(result["dataset"])
        assert all({"type", "value"} <= set(m) and isinstance(m["value"], float) for m in result["metrics"])
    values = {(r["dataset"]["name"], r["metrics"][0]["value"]) for r in model["results"]}
    assert ("ImageNet", 84.3) in values


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "evaluation-tables"])
def test_cli_exports_read_back(tmp_path, fmt):
    path = tmp_path / "papers.jsonl"
    path.write_text(json.dumps({"id": "2103.14030v2", "title": "FooNet", "abstract": ABSTRACT}) + "\n")
    result = CliRunner().invoke(main, ["leaderboard", str(path), "--format", fmt])
    assert result.exit_code == 0, result.output
    out = result.stdout
    if fmt == "jsonl":
        rows = [json.loads(line) for line in out.splitlines()]
    elif fmt == "csv":
        rows = pd.read_csv(io.StringIO(out), dtype=str).to_dict("records")
    else:
        document = json.loads(out)
        rows = [r for b in document for r in b["rows"]] if fmt == "json" else \
            [r for t in document for d in t["datasets"] for r in d["sota"]["rows"]]
    assert rows
    if fmt != "evaluation-tables":
        assert all(r["arxiv_id"] == "2103.14030" and r["date"] == "2021-03" for r in rows)


def test_cli_model_index(tmp_path):
    path = tmp_path / "papers.jsonl"
    path.write_text(json.dumps({"id": "2103.14030", "title": "FooNet", "abstract": ABSTRACT}) + "\n")
    result = CliRunner().invoke(main, ["model-index", "2103.14030", str(path)])
    assert result.exit_code == 0 and "model-index" in yaml.safe_load(result.stdout.strip("-\n"))
    missing = CliRunner().invoke(main, ["model-index", "9999.99999", str(path)])
    assert missing.exit_code != 0 and "no claims of a paper" in missing.output
