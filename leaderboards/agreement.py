"""Board-level agreement with external leaderboard tuples (the pwc-sota README's figures).

- **board recall**: the share of grounded tuples for which some board whose
  benchmark and metric loosely match the tuple's dataset and metric holds a
  row of that paper carrying the target;
- **board agreement**: over every board row whose paper has a tuple with a
  numeric score on a loosely matching dataset, the share whose value is within
  0.5 % of one of those scores x 1, x 100 or x 0.01. Agreement alone rewards
  dropping rows, so it is always reported with the number of rows.
"""

from __future__ import annotations

import pandas as pd

from extractor.table import extract_claims
from extractor.tuples import (
    carries, close, evaluate_tuples, grounded, loosely_matches, merge_tuples, read_tuples, target,
)

from .boards import leaderboards

SCALES = (1.0, 100.0, 0.01)


def tuple_papers(papers: list[dict]) -> pd.DataFrame:
    """A papers table for tuple files: the tuple file's ``id`` is the paper id."""
    return pd.DataFrame({"paper_id": [str(p["id"]) for p in papers], "text": [p["text"] for p in papers],
                         "title": [p.get("title") for p in papers], "date": [p.get("date") for p in papers]})


def _rows_by_paper(boards: dict) -> dict[str, list[tuple[str, str, dict]]]:
    rows: dict[str, list[tuple[str, str, dict]]] = {}
    for (benchmark, metric), board in boards.items():
        for row in board.to_dict("records"):
            rows.setdefault(str(row["paper_id"]), []).append((benchmark, metric, row))
    return rows


def board_recall(papers: list[dict], boards: dict) -> dict:
    """Grounded tuples found on a loosely matching board, in a row of their paper carrying the target."""
    rows = _rows_by_paper(boards)
    found = total = 0
    for paper in papers:
        mine = rows.get(str(paper["id"]), [])
        for item in grounded(paper):
            total += 1
            found += any(loosely_matches(b, item.get("dataset")) and loosely_matches(m, item.get("metric"))
                         and carries(row, target(item)) for b, m, row in mine)
    return {"share": round(found / total, 4) if total else 0.0, "found": found, "of": total}


def board_agreement(papers: list[dict], boards: dict) -> dict:
    """Board rows whose value one of their paper's tuples on a loosely matching dataset has."""
    scores: dict[str, list[tuple[str, float]]] = {}
    for paper in papers:
        scores[str(paper["id"])] = [(t.get("dataset"), float(t["score_value"])) for t in paper["tuples"]
                                    if isinstance(t.get("score_value"), (int, float))]
    agree = total = 0
    for paper_id, entries in _rows_by_paper(boards).items():
        for benchmark, _, row in entries:
            known = [v for dataset, v in scores.get(paper_id, []) if loosely_matches(benchmark, dataset)]
            if not known:
                continue
            total += 1
            value = row.get("value")
            agree += not pd.isna(value) and any(close(float(value), v * s) for v in known for s in SCALES)
    return {"share": round(agree / total, 4) if total else 0.0, "found": agree, "of": total}


def score_tuples(path, more_tuples=(), boards: bool = False) -> dict:
    """The figures of a tuples file (``more_tuples``: files adding tuples to the same papers);
    with ``boards``, board recall and board agreement of the boards built from its papers."""
    papers = read_tuples(path)
    for extra in more_tuples:
        papers = merge_tuples(papers, read_tuples(extra))
    if not boards:
        return evaluate_tuples(papers)
    table = extract_claims(tuple_papers(papers))  # extracted once, for the tuple figures and the boards
    by_paper = {paper_id: rows.to_dict("records") for paper_id, rows in table.groupby("paper_id", sort=False)}
    result = evaluate_tuples(papers, claims_of=lambda paper: by_paper.get(str(paper["id"]), []))
    built = leaderboards(table)
    result.update(board_recall=board_recall(papers, built), board_agreement=board_agreement(papers, built))
    return result


def floor_figures(result: dict) -> dict[str, float]:
    """The figures of ``score_tuples(..., boards=True)`` that gold floors hold: the three recalls and board recall."""
    return {**result["recall"], "board_recall": result["board_recall"]["share"]}
