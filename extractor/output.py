"""Writing tables: the format follows the file's extension, and a file is
written beside its target and renamed into place, so an interrupted run
leaves the previous output whole."""

from __future__ import annotations

import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from .errors import InputError

TABLE_FORMATS = (".csv", ".jsonl", ".parquet")


@contextmanager
def atomic_path(target: str | Path, mode: str = "wb"):
    """Yield an open temporary file beside ``target``; rename it over ``target`` on success."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, mode, **({} if "b" in mode else {"encoding": "utf-8", "newline": ""})) as handle:
            yield handle
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def table_format(path: str | Path) -> str:
    """The table format of an output path (``-`` is JSON Lines on standard output)."""
    if str(path) == "-":
        return ".jsonl"
    suffix = Path(path).suffix.lower()
    if suffix not in TABLE_FORMATS:
        raise InputError(f"{path}: unknown output format {suffix!r}; use one of {', '.join(TABLE_FORMATS)}")
    return suffix


def to_jsonl(table: pd.DataFrame) -> str:
    """The table as JSON Lines text, one object per row, keys in column order."""
    if table.empty:
        return ""
    return table.to_json(orient="records", lines=True, force_ascii=False, date_format="iso")


def write_table(table: pd.DataFrame, path: str | Path) -> None:
    """Write ``table`` to ``path`` (.csv, .jsonl or .parquet; ``-`` for JSON Lines on stdout)."""
    fmt = table_format(path)
    if str(path) == "-":
        sys.stdout.write(to_jsonl(table))
        return
    if fmt == ".parquet":
        with atomic_path(path) as handle:
            table.to_parquet(handle, index=False)
    elif fmt == ".csv":
        with atomic_path(path, "w") as handle:
            table.to_csv(handle, index=False, lineterminator="\n")
    else:
        with atomic_path(path, "w") as handle:
            handle.write(to_jsonl(table))
