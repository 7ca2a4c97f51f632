"""Leaderboards: every absolute score reported on one benchmark and metric,
ranked in the metric's direction, plus the relative claims on a benchmark.

Rules, in the order they apply to one board:

1. Benchmark and metric names are canonicalized (catalogue aliases, then
   spellings equal up to case, spaces, hyphens and underscores); a score with
   a benchmark but no metric is on metric ``score``.
2. Scale: on a percentage metric, or a board where some claim is in ``%``,
   bare fractions (0 to 1, not in ``%``) are multiplied by 100 when other
   claims are percentages.
3. Conflict: a subject with more than one distinct value on one split of the
   board is flagged on every row; nothing is hidden.
4. One row per (subject, paper, split, variant): the paper's best value for it, where a
   variant is the one model size the score's sentence states (a paper's 1.3M and 5.6M
   models are two rows). A split
   that is a test of its own (LibriSpeech test-other) is a board of its own;
   other splits (COCO test-dev, val) share the board and show in ``split``.
5. De-duplication: the same (subject, value) from several papers is one row,
   the earliest paper's (by date, then paper id); ``n_reports`` says how many.
6. Rank: competition ranking ("1, 2, 2, 4") in the metric's direction. When the
   direction is unknown, rows are ordered by value descending, ``rank`` is
   missing and ``direction`` says ``unknown``: no direction is guessed.
"""

from __future__ import annotations

import functools

import pandas as pd

from extractor.rules import metric_direction
from extractor.splits import board_split

from .formatting import QUALIFIER_PREFIX, display_value, missing
from .names import NO_METRIC, benchmark_name, fold, merge_spellings, metric_name
from .table import chronological, claims_frame, subject_keys

BOARD_COLUMNS = ["rank", "subject", "value", "display", "split", "qualifier", "own", "paper_id", "arxiv_id", "title", "date",
                 "model_size", "hardware", "sentence", "conflict", "direction", "benchmark", "metric",
                 "unit", "low", "high", "n_reports", "surface"]
COMPARISON_COLUMNS = ["benchmark", "metric", "subject", "baseline", "value", "display", "unit", "qualifier",
                      "aspect", "own", "paper_id", "title", "date", "sentence"]
# Metrics conventionally reported either as a fraction or as a percentage.
PERCENT_METRICS = frozenset({
    "accuracy", "top-1 accuracy", "top-5 accuracy", "mAP", "mIoU", "F1", "BLEU", "ROUGE", "METEOR",
    "exact match", "pass@1", "pass@10", "pass@k", "success rate", "win rate", "recall", "precision",
    "AUC", "NDCG", "MRR", "Hits@1", "Spearman correlation", "WER", "CER", "EER", "error rate",
})
_VALUE_DIGITS = 6  # values equal to this many decimals are the same value


def named_claims(claims: pd.DataFrame, kinds: tuple[str, ...]) -> pd.DataFrame:
    """The claims of ``kinds`` with benchmark, metric and subject spellings merged over the whole table.

    Merging over every claim, not only ``kinds``, gives a score and an
    improvement on "FooBench" and "Foo-bench" the same benchmark name.
    """
    table = claims_frame(claims)
    table["benchmark"] = merge_spellings(table["benchmark"].map(benchmark_name))
    table["metric"] = merge_spellings(table["metric"].map(lambda m: None if missing(m) else metric_name(m)))
    table["subject"] = merge_spellings(table["subject"])
    return table[table["kind"].isin(kinds)].reset_index(drop=True)


@functools.cache
def board_metrics() -> dict[tuple[str, str], str]:
    """``(benchmark, metric as written) -> board metric`` (data/board_metrics.csv)."""
    from extractor.rules import read_rows
    return {(r["benchmark"], r["written"]): r["board"] for r in read_rows("board_metrics.csv", ("benchmark", "written", "board"))}


def score_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """The ``score`` claims that name a benchmark, canonically named; no metric reads ``NO_METRIC``; a
    plain metric that means a specific one on a benchmark (ImageNet "accuracy") takes that one's name; a
    split that is a test of its own ("LibriSpeech test-other") is part of the board's benchmark."""
    table = named_claims(claims, ("score",))
    table["metric"] = table["metric"].fillna(NO_METRIC)
    meant = board_metrics()
    table["metric"] = [meant.get((b, m), m) for b, m in zip(table["benchmark"], table["metric"])]
    table["benchmark"] = [f"{b} {s}" if b and board_split(s) else b for b, s in zip(table["benchmark"], table["split"])]
    return table[table["benchmark"].notna()].reset_index(drop=True)


def leaderboard(claims: pd.DataFrame, benchmark: str, metric: str | None = None) -> pd.DataFrame:
    """The ranked board of ``score`` claims on ``benchmark`` and ``metric`` (any alias or spelling).

    ``metric=None`` is the board of scores that name no metric. Columns are
    ``BOARD_COLUMNS``; an unknown pair gives an empty board.
    """
    scores = score_claims(claims)
    board_metric = board_metrics().get((benchmark_name(benchmark), metric_name(metric)), metric_name(metric))
    wanted = scores["benchmark"].map(fold).eq(fold(benchmark_name(benchmark))) & scores["metric"].map(fold).eq(
        fold(board_metric))
    return _board(scores[wanted], model_size_lookup(claims), sentence_sizes(claims))


def leaderboards(claims: pd.DataFrame) -> dict[tuple[str, str], pd.DataFrame]:
    """Every (benchmark, metric) pair with at least one score claim, mapped to its board, in name order."""
    scores = score_claims(claims)
    pairs = sorted(set(zip(scores["benchmark"], scores["metric"])), key=lambda p: (p[0].casefold(), p[1].casefold(), p))
    groups = scores.groupby(["benchmark", "metric"], sort=False)
    sizes, in_sentence = model_size_lookup(claims), sentence_sizes(claims)
    return {pair: _board(groups.get_group(pair), sizes, in_sentence) for pair in pairs}


def _board(rows: pd.DataFrame, sizes, in_sentence: dict | None = None) -> pd.DataFrame:
    if rows.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in BOARD_COLUMNS})
    direction = metric_direction(rows["metric"].iloc[0])
    rows = _unify_scale(rows.reset_index(drop=True))
    splits = rows["split"].map(lambda s: "" if missing(s) else str(s))
    sentence_size = pd.Series([(in_sentence or {}).get((p, t), float("nan")) for p, t in zip(rows["paper_id"], rows["sentence"])],
                              index=rows.index, dtype=float)
    base_key = subject_keys(rows) + "|" + splits
    all_sized = sentence_size.notna().groupby([base_key, rows["paper_id"]]).transform("all")  # else one row, as before
    variant = sentence_size.where(all_sized).map(lambda z: "" if missing(z) else repr(z))
    rows = rows.assign(subject_key=base_key + "|" + variant, value_key=_value_keys(rows), sentence_size=sentence_size)
    conflicting = rows.groupby("subject_key")["value_key"].transform("nunique").gt(1)
    rows = rows.assign(conflict=conflicting.astype(bool))
    rows = _best(rows, direction).drop_duplicates(["subject_key", "paper_id"])
    rows = chronological(rows)
    n_reports = rows.groupby(["subject_key", "value_key"])["paper_id"].transform("size")
    rows = rows.assign(n_reports=n_reports.astype(int)).drop_duplicates(["subject_key", "value_key"])
    rows = _ranked(rows, direction)
    return rows.assign(
        direction=direction,
        display=[display_value(v, u, q, lo, hi) for v, u, q, lo, hi in
                 zip(rows["value"], rows["unit"], rows["qualifier"], rows["low"], rows["high"])],
        model_size=[z if not missing(z) else sizes(p, s, o)
                    for z, p, s, o in zip(rows["sentence_size"], rows["paper_id"], rows["subject"], rows["own"])],
    )[BOARD_COLUMNS].reset_index(drop=True)


def _unify_scale(rows: pd.DataFrame) -> pd.DataFrame:
    """Bare fractions multiplied by 100 when the board's other values are percentages."""
    percent_unit = rows["unit"].eq("%")
    top = rows[["value", "low", "high"]].max(axis=1)
    fraction = ~percent_unit & top.between(0, 1)
    percent_metric = rows["metric"].iloc[0] in PERCENT_METRICS or percent_unit.any()
    if not (percent_metric and (percent_unit | top.gt(1)).any()):
        return rows
    rows = rows.copy()
    for column in ("value", "low", "high"):
        rows[column] = rows[column].where(~fraction, (rows[column] * 100).round(10))
    if percent_unit.any() or fraction.any():
        rows["unit"] = "%"
    return rows


def _value_keys(rows: pd.DataFrame) -> pd.Series:
    keys = [f"{round(v, _VALUE_DIGITS)!r}" if not missing(v) else f"{lo!r}..{hi!r}"
            for v, lo, hi in zip(rows["value"], rows["low"], rows["high"])]
    return pd.Series(keys, index=rows.index, dtype=object)


def _best(rows: pd.DataFrame, direction: str) -> pd.DataFrame:
    """Rows best first within any group: by value in the direction, or in text order when unknown."""
    if direction == "unknown":
        return rows.sort_values(["paper_id", "start"], kind="stable")
    return rows.sort_values("value", ascending=direction == "lower", na_position="last", kind="stable")


def _ranked(rows: pd.DataFrame, direction: str) -> pd.DataFrame:
    rows = rows.sort_values("value", ascending=direction == "lower", na_position="last", kind="stable")
    if direction == "unknown":
        rank = pd.Series(pd.NA, index=rows.index, dtype="Int64")
    else:
        rank = rows["value"].rank(method="min", ascending=direction == "lower").astype("Int64")
    return rows.assign(rank=rank)


def model_size_lookup(claims: pd.DataFrame):
    """A function ``(paper_id, subject, own) -> parameters or NaN`` from the papers' model_size claims.

    A subject's size is its own model_size claim in the same paper when that is
    one value; a paper's own result may also take the paper's single unnamed size.
    """
    sizes = claims_frame(claims, ("model_size",)).dropna(subset=["value"])
    sizes = sizes.assign(key=[fold(s) if s else None for s in sizes["subject"]])
    values: dict[tuple[str, str | None], set[float]] = {}
    for paper, key, value in zip(sizes["paper_id"], sizes["key"], sizes["value"]):
        values.setdefault((paper, key), set()).add(float(value))

    def size(paper_id: str, subject: str | None, own: object) -> float:
        found = values.get((paper_id, fold(subject) if subject else None), set())
        if not found and subject and not missing(own) and bool(own):
            found = values.get((paper_id, None), set())
        return next(iter(found)) if len(found) == 1 else float("nan")

    return size


def sentence_sizes(claims: pd.DataFrame) -> dict[tuple[str, str], float]:
    """``(paper_id, sentence) -> parameters`` where a sentence states exactly one model size: a score in it is that
    variant's ("our EdgeNeXt model with 1.3M parameters achieves 71.2%"), so a paper's variants are rows of their own."""
    sizes = claims_frame(claims, ("model_size",)).dropna(subset=["value"])
    found: dict[tuple[str, str], set[float]] = {}
    for paper, sentence, value in zip(sizes["paper_id"], sizes["sentence"], sizes["value"]):
        found.setdefault((paper, sentence), set()).add(float(value))
    return {key: next(iter(values)) for key, values in found.items() if len(values) == 1}


def comparisons(claims: pd.DataFrame, benchmark: str | None = None, metric: str | None = None) -> pd.DataFrame:
    """The ``improvement`` claims on ``benchmark`` (every benchmark when ``None``), optionally one metric.

    Values keep the contract's sign: positive when the subject beats the baseline.
    Columns are ``COMPARISON_COLUMNS``, by benchmark, metric, then date order.
    """
    table = named_claims(claims, ("improvement",))
    table = table[table["benchmark"].notna()]
    if benchmark is not None:
        table = table[table["benchmark"].map(fold).eq(fold(benchmark_name(benchmark)))]
    if metric is not None:
        table = table[table["metric"].map(lambda m: fold(m) if m else None).eq(fold(metric_name(metric)))]
    table = chronological(table).sort_values(["benchmark", "metric"], key=_casefold, na_position="last",
                                             kind="stable")
    signed = [_signed(v, u, q, lo, hi) for v, u, q, lo, hi in
              zip(table["value"], table["unit"], table["qualifier"], table["low"], table["high"])]
    return table.assign(display=signed)[COMPARISON_COLUMNS].reset_index(drop=True)


def _signed(value: object, unit: object, qualifier: object, low: object, high: object) -> str:
    """An improvement as "+3.2 points", "up to +11.9%", "-0.6 points"."""
    unit = unit if unit in ("%", "point") else None
    sign = "+" if not missing(value) and float(value) > 0 else ""
    number = display_value(value, "%" if unit == "%" else None, "exact", low, high)
    if not number:
        return ""
    prefix = QUALIFIER_PREFIX.get("" if missing(qualifier) else str(qualifier), "")
    return f"{prefix}{sign}{number}{' points' if unit == 'point' else ''}"


def _casefold(column: pd.Series) -> pd.Series:
    return column.map(lambda v: v.casefold() if isinstance(v, str) else v)



# The per-kind summaries live in their own module; importable from here too.
from .summaries import hardware, model_sizes, speedup_claims, speedups  # noqa: E402

__all__ = ["leaderboard", "leaderboards", "comparisons", "score_claims", "model_size_lookup",
           "speedups", "speedup_claims", "model_sizes", "hardware", "BOARD_COLUMNS", "COMPARISON_COLUMNS"]
