"""Streaming extraction for corpora of any size: records are read lazily,
exact duplicates dropped by content id, and claims produced and written in
batches (one Parquet row group, or one block of JSON Lines, per batch), so
memory stays flat. ``jobs > 1`` spreads batches over processes; the output
is identical to ``jobs == 1`` because batches are written in input order.

Near-duplicate copies (an extra paragraph, a changed hyphen) are merged only
by the in-memory path (``read_corpus``), which ``claims extract`` uses for
inputs below ``STREAM_THRESHOLD`` bytes.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .output import atomic_path, table_format, to_jsonl
from .papers import content_id
from .readers import Problem, Record, input_files, read_records
from .table import claims_frame, claims_rows

BATCH = 2000
STREAM_THRESHOLD = 64 << 20


def corpus_bytes(inputs) -> int:
    """Total size of the input files."""
    return sum(p.stat().st_size for p in input_files(inputs) if p.is_file())


def paper_batches(records: Iterable[Record | Problem], problems: list[Problem], size: int = BATCH) -> Iterator[pd.DataFrame]:
    """Papers tables of at most ``size`` rows; exact duplicate texts are dropped, problems collected."""
    seen: set[str] = set()
    batch: list[dict] = []
    for item in records:
        if isinstance(item, Problem):
            problems.append(item)
            continue
        pid = content_id(item.text)
        if pid in seen:
            continue
        seen.add(pid)
        batch.append({"paper_id": pid, "title": item.title, "date": item.date, "text": item.text})
        if len(batch) >= size:
            yield pd.DataFrame(batch)
            batch = []
    if batch:
        yield pd.DataFrame(batch)


def claims_of_batch(papers: pd.DataFrame) -> pd.DataFrame:
    """The claims table of one batch (runs in worker processes)."""
    return claims_frame(claims_rows(papers))


def claim_batches(batches: Iterable[pd.DataFrame], jobs: int = 1) -> Iterator[pd.DataFrame]:
    """Claims tables of each papers batch, in input order."""
    if jobs <= 1:
        yield from map(claims_of_batch, batches)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        batches = iter(batches)
        pending = [pool.submit(claims_of_batch, b) for b in itertools.islice(batches, 2 * jobs)]
        while pending:
            done = pending.pop(0).result()
            nxt = next(batches, None)
            if nxt is not None:
                pending.append(pool.submit(claims_of_batch, nxt))
            yield done


def write_batches(batches: Iterable[pd.DataFrame], output: str | Path) -> int:
    """Write claims batches to ``output`` as they come; return the number of claims."""
    fmt, total = table_format(output), 0
    if str(output) == "-":
        import sys
        for batch in batches:
            sys.stdout.write(to_jsonl(batch))
            total += len(batch)
        return total
    mode = "wb" if fmt == ".parquet" else "w"
    with atomic_path(output, mode) as handle:
        writer = None
        for i, batch in enumerate(batches):
            total += len(batch)
            if fmt == ".parquet":
                table = pa.Table.from_pandas(batch, preserve_index=False)
                writer = writer or pq.ParquetWriter(handle, _schema(table))
                writer.write_table(table.cast(writer.schema))
            elif fmt == ".csv":
                batch.to_csv(handle, index=False, header=i == 0, lineterminator="\n")
            else:
                handle.write(to_jsonl(batch))
        if fmt == ".parquet":
            writer = writer or pq.ParquetWriter(handle, _schema(pa.Table.from_pandas(claims_frame([]), preserve_index=False)))
            writer.close()
    return total


def _schema(table: pa.Table) -> pa.Schema:
    """A schema whose all-null columns are strings, so later batches fit it."""
    fields = [pa.field(f.name, pa.string()) if pa.types.is_null(f.type) else f for f in table.schema]
    return pa.schema(fields)


def stream_extract(inputs, output, fmt=None, jobs: int = 1, batch: int = BATCH) -> tuple[int, list[Problem]]:
    """Read, extract and write in batches; return (claims written, problems)."""
    problems: list[Problem] = []
    batches = paper_batches(read_records(inputs, fmt), problems, batch)
    written = write_batches(claim_batches(batches, jobs), output)
    return written, problems


def problems_summary(problems: list[Problem]) -> str:
    """JSON lines of the problems (for logs)."""
    return "\n".join(json.dumps({"file": p.file, "line": p.line, "severity": p.severity, "reason": p.reason}) for p in problems)
