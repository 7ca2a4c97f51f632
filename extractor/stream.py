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

import functools
import itertools
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import NamedTuple

import pyarrow as pa
import pyarrow.parquet as pq

from .arxiv import arxiv_id, arxiv_month
from .errors import InputError
from .output import atomic_path, table_format, to_jsonl
from .papers import content_id
from .readers import Problem, Record, input_files, read_records
from .table import claims_frame, claims_rows

BATCH = 250  # papers per batch: small enough to keep every worker busy to the end
STREAM_THRESHOLD = 64 << 20


def corpus_bytes(inputs) -> int:
    """Total size of the input files."""
    return sum(p.stat().st_size for p in input_files(inputs) if p.is_file())


class Paper(NamedTuple):
    """One paper as the streaming path passes it to workers (cheap to pickle)."""

    paper_id: str
    arxiv_id: str | None
    title: str | None
    date: str | None
    text: str


def paper_batches(records: Iterable[Record | Problem], problems: list[Problem], size: int = BATCH,
                  strict: bool = False) -> Iterator[list[Paper]]:
    """Batches of at most ``size`` papers; exact duplicate texts are dropped, problems collected
    (with ``strict``, the first skipped record raises InputError before anything is written)."""
    seen: set[str] = set()
    batch: list[Paper] = []
    for item in records:
        if isinstance(item, Problem):
            if strict and item.severity == "skipped":
                raise InputError(str(item))
            problems.append(item)
            continue
        pid = content_id(item.text)
        if pid in seen:
            continue
        seen.add(pid)
        identifier = arxiv_id(item.source_id)
        batch.append(Paper(pid, identifier, item.title, item.date or arxiv_month(identifier), item.text))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


@functools.cache
def claims_schema() -> pa.Schema:
    """The Arrow schema of the claims table (columns that can be all-null are strings)."""
    empty = pa.Table.from_pandas(claims_frame([]), preserve_index=False)
    return pa.schema([pa.field(f.name, pa.string()) if pa.types.is_null(f.type) else f for f in empty.schema])


def encode_batch(papers: list[Paper], fmt: str, header: bool) -> tuple[int, object]:
    """Extract one batch and encode its claims for the output format (runs in worker processes):
    an Arrow table for Parquet, text for CSV and JSON Lines."""
    claims = claims_frame(claims_rows(papers))
    if fmt == ".parquet":
        return len(claims), pa.Table.from_pandas(claims, preserve_index=False).cast(claims_schema())
    if fmt == ".csv":
        return len(claims), claims.to_csv(index=False, header=header, lineterminator="\n")
    return len(claims), to_jsonl(claims)


def encoded_batches(batches: Iterable[list[Paper]], fmt: str, jobs: int = 1) -> Iterator[tuple[int, object]]:
    """Encoded claims of each batch, in input order (the first CSV batch carries the header)."""
    numbered = ((b, i == 0) for i, b in enumerate(batches))
    if jobs <= 1:
        yield from (encode_batch(b, fmt, first) for b, first in numbered)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending = [pool.submit(encode_batch, b, fmt, first) for b, first in itertools.islice(numbered, 3 * jobs)]
        while pending:
            done = pending.pop(0).result()
            nxt = next(numbered, None)
            if nxt is not None:
                pending.append(pool.submit(encode_batch, nxt[0], fmt, nxt[1]))
            yield done


def write_batches(encoded: Iterable[tuple[int, object]], output: str | Path) -> int:
    """Write encoded batches to ``output`` as they come; return the number of claims."""
    fmt, total = table_format(output), 0
    if str(output) == "-":
        for count, text in encoded:
            sys.stdout.write(text)
            total += count
        return total
    mode = "wb" if fmt == ".parquet" else "w"
    with atomic_path(output, mode) as handle:
        writer = pq.ParquetWriter(handle, claims_schema()) if fmt == ".parquet" else None
        wrote_header = False
        for count, payload in encoded:
            total += count
            if writer is not None:
                writer.write_table(payload)
            else:
                handle.write(payload)
                wrote_header = True
        if fmt == ".csv" and not wrote_header:
            handle.write(claims_frame([]).to_csv(index=False, lineterminator="\n"))
        if writer is not None:
            writer.close()
    return total


def stream_extract(inputs, output, fmt=None, jobs: int = 1, batch: int = BATCH, strict: bool = False,
                   progress: bool = False) -> tuple[int, list[Problem]]:
    """Read, extract and write in batches; return (claims written, problems)."""
    problems: list[Problem] = []
    batches = paper_batches(read_records(inputs, fmt), problems, batch, strict)
    encoded = encoded_batches(batches, table_format(output), jobs)
    if progress:  # shown on a terminal only (tqdm's disable=None)
        from tqdm import tqdm
        encoded = tqdm(encoded, unit="batch", desc=f"{batch} papers/batch", file=sys.stderr, disable=None)
    written = write_batches(encoded, output)
    return written, problems
