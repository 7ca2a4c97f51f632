"""The claims table as the leaderboards read it: every contract column
present, numbers as floats, and one deterministic row order."""

from __future__ import annotations

import datetime

import pandas as pd

from .names import fold

CLAIM_COLUMNS = ["paper_id", "arxiv_id", "title", "date", "kind", "surface", "value", "low", "high", "unit", "qualifier",
                 "subject", "baseline", "benchmark", "metric", "aspect", "hardware", "count", "own", "split",
                 "start", "end", "sentence", "rule"]
NUMBER_COLUMNS = ["value", "low", "high"]
TEXT_COLUMNS = ["paper_id", "arxiv_id", "title", "date", "kind", "surface", "unit", "qualifier", "subject", "baseline",
                "benchmark", "metric", "aspect", "hardware", "split", "sentence", "rule"]


def claims_frame(claims: pd.DataFrame, kinds: tuple[str, ...] | None = None) -> pd.DataFrame:
    """A fresh copy of ``claims`` (only ``kinds`` when given) with every contract column present.

    Text columns hold ``str`` or ``None``, ``value``/``low``/``high`` are floats
    (a hardware claim's device name in ``value`` becomes NaN here; read it from
    the raw table), ``own`` is nullable boolean, ``start`` an integer.
    """
    table = claims.copy() if claims is not None else pd.DataFrame()
    for column in CLAIM_COLUMNS:
        if column not in table.columns:
            table[column] = pd.Series([None] * len(table), index=table.index, dtype=object)
    if kinds is not None:
        table = table[table["kind"].isin(kinds)]
    table = table.reset_index(drop=True)
    for column in TEXT_COLUMNS:
        table[column] = _text(table[column])
    for column in NUMBER_COLUMNS:
        table[column] = pd.to_numeric(table[column], errors="coerce").astype(float)
    table["count"] = pd.to_numeric(table["count"], errors="coerce").astype("Int64")
    table["start"] = pd.to_numeric(table["start"], errors="coerce").fillna(0).astype(int)
    table["own"] = _boolean(table["own"])
    return table


def _text(column: pd.Series) -> pd.Series:
    values = [None if v is None or (not isinstance(v, str) and pd.isna(v)) else _as_text(v) for v in column]
    return pd.Series(values, index=column.index, dtype=object)


def _as_text(value: object) -> str:
    """Text of a cell; a date or timestamp becomes its ISO date."""
    if isinstance(value, datetime.date):
        return (value.date() if isinstance(value, datetime.datetime) else value).isoformat()
    return str(value)


def _boolean(column: pd.Series) -> pd.Series:
    values = [pd.NA if v is None or (not isinstance(v, (bool, str)) and pd.isna(v)) else bool(v) for v in column]
    return pd.Series(values, index=column.index, dtype="boolean")


def subject_keys(table: pd.DataFrame) -> pd.Series:
    """Who a row is about, for grouping: the folded subject, or the paper itself when unnamed.

    Unnamed subjects of two papers are never taken to be the same method.
    """
    keys = [fold(s) if s else f"paper:{p}" for s, p in zip(table["subject"], table["paper_id"])]
    return pd.Series(keys, index=table.index, dtype=object)


def chronological(table: pd.DataFrame, *then: str) -> pd.DataFrame:
    """Rows by date (undated last), then paper id, then the ``then`` columns and text position."""
    keys = ["date", "paper_id", *then, "start"]
    return table.sort_values(keys, na_position="last", kind="stable")
