"""Boards and results in the formats other tools read.

- :func:`board_rows`: every row of every board as a flat record (CSV, JSON Lines);
- :func:`boards_document`: the boards as one JSON document (a list of boards with their rows);
- :func:`evaluation_tables`: Papers with Code's ``evaluation-tables.json`` layout
  (tasks > datasets > ``sota`` with ``metrics`` and ``rows``; field names as in
  paperswithcode/sota-extractor's ``taskdb`` schema);
- :func:`model_index`: a paper's results as the ``model-index`` block of a Hugging
  Face model card (``name``, ``results`` of ``task``, ``dataset``, ``metrics``).
"""

from __future__ import annotations

import math

import pandas as pd
import regex
import yaml

from extractor.arxiv import arxiv_url
from extractor.rules import benchmark_tasks

from .boards import leaderboards
from .formatting import missing

ROW_FIELDS = ["benchmark", "metric", "direction", "rank", "subject", "value", "unit", "display", "split", "qualifier",
              "own", "low", "high", "paper_id", "arxiv_id", "url", "title", "date", "sentence"]
UNKNOWN_TASK = "other"


def _plain(value: object) -> object:
    """A cell as JSON/YAML can hold it: None for missing, Python numbers and booleans."""
    if missing(value):
        return None
    if hasattr(value, "item"):
        value = value.item()
    return None if isinstance(value, float) and math.isnan(value) else value


def board_rows(boards: dict[tuple[str, str], pd.DataFrame]) -> list[dict]:
    """One record per board row, with its board's benchmark, metric and direction and the paper's link."""
    records = []
    for (benchmark, metric), board in boards.items():
        for row in board.to_dict("records"):
            row.update(benchmark=benchmark, metric=metric, url=arxiv_url(row.get("arxiv_id")))
            records.append({field: _plain(row.get(field)) for field in ROW_FIELDS})
    return records


def boards_document(boards: dict[tuple[str, str], pd.DataFrame]) -> list[dict]:
    """The boards as one JSON-ready list: ``{"benchmark", "metric", "direction", "rows": [...]}``."""
    document = []
    for key, board in boards.items():
        rows = board_rows({key: board})
        direction = rows[0]["direction"] if rows else "unknown"
        document.append({"benchmark": key[0], "metric": key[1], "direction": direction,
                         "rows": [{k: v for k, v in r.items() if k not in ("benchmark", "metric", "direction")}
                                  for r in rows]})
    return document


def _task_name(benchmark: str) -> str:
    return (benchmark_tasks().get(benchmark) or UNKNOWN_TASK).strip()


def _model_name(row: dict) -> str:
    return row["subject"] or row["title"] or row["paper_id"]


def evaluation_tables(boards: dict[tuple[str, str], pd.DataFrame]) -> list[dict]:
    """The boards in Papers with Code's ``evaluation-tables.json`` layout, one task per benchmark task."""
    tasks: dict[str, dict[str, dict]] = {}
    for (benchmark, metric), board in boards.items():
        dataset = tasks.setdefault(_task_name(benchmark), {}).setdefault(
            benchmark, {"dataset": benchmark, "description": "", "sota": {"metrics": [], "rows": []},
                        "subdatasets": [], "dataset_links": [], "dataset_citations": []})
        dataset["sota"]["metrics"].append(metric)
        rows = {(r["model_name"], r["paper_title"]): r for r in dataset["sota"]["rows"]}
        for row in board_rows({(benchmark, metric): board}):
            key = (_model_name(row), row["title"] or "")
            if key not in rows:  # one row per model and paper, holding each metric it reports
                rows[key] = {"model_name": key[0], "paper_title": key[1], "paper_url": row["url"] or "",
                             "paper_date": row["date"], "code_links": [], "model_links": [], "metrics": {},
                             "uses_additional_data": False}
                dataset["sota"]["rows"].append(rows[key])
            rows[key]["metrics"].setdefault(metric, row["display"])
    return [{"task": task, "description": "", "categories": [], "datasets": list(datasets.values()),
             "subtasks": [], "synonyms": [], "source_link": None} for task, datasets in sorted(tasks.items())]


def _slug(name: str) -> str:
    return regex.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def paper_claims(claims: pd.DataFrame, paper: str) -> pd.DataFrame:
    """The claims of the paper whose paper id, arXiv id or title is ``paper``."""
    ids = claims["arxiv_id"] if "arxiv_id" in claims else pd.Series(None, index=claims.index, dtype=object)
    return claims[(claims["paper_id"] == paper) | (ids == paper) | (claims["title"] == paper)]


def model_index(claims: pd.DataFrame, paper: str) -> str:
    """The ``model-index`` metadata block (YAML between ``---`` lines) of one paper's own board results.

    ``paper`` is a paper id, an arXiv id or a title. One model per subject the paper
    reports; each result names its task, dataset and metric, with the value as a number.
    """
    wanted = paper_claims(claims, paper)
    models: dict[str, list[dict]] = {}
    for row in board_rows(leaderboards(wanted)):
        if row["own"] is False or row["value"] is None:
            continue
        task = _task_name(row["benchmark"])
        source = {"name": row["title"] or row["paper_id"]} | ({"url": row["url"]} if row["url"] else {})
        models.setdefault(_model_name(row), []).append({
            "task": {"type": _slug(task), "name": task},
            "dataset": {"type": _slug(row["benchmark"]), "name": row["benchmark"]},
            "metrics": [{"type": _slug(row["metric"]), "value": row["value"], "name": row["metric"]}],
            "source": source})
    block = {"model-index": [{"name": name, "results": results} for name, results in models.items()]}
    return "---\n" + yaml.safe_dump(block, sort_keys=False, allow_unicode=True) + "---\n"
