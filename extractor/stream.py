"""Streaming extraction for corpora of any size, in two passes over the input.

The first pass keeps only a key index of the records (hashes of each text, title
and sentence: :mod:`extractor.copies`) and decides which records are copies of
one paper, exactly as the in-memory route does. The second pass reads the records
again and emits each paper, merged, at its last copy; claims are produced and
written in batches (one Parquet row group, or one block of JSON Lines, per
batch). ``jobs > 1`` spreads batches over processes, written in input order.
The in-memory route writes through the same batches, so every route gives the
same bytes.
"""

from __future__ import annotations

import functools
import itertools
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import NamedTuple

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .errors import InputError
from .output import atomic_path, table_format, to_jsonl
from .copies import KeyIndex, last_copies
from .papers import paper_rows
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


def read_papers(inputs, fmt=None, problems: list[Problem] | None = None, strict: bool = False) -> Iterator[Paper]:
    """The papers of the inputs, copies merged, in input order of each paper's last copy, in two
    passes (problems are collected in the first; with ``strict`` the first skipped record raises
    InputError before anything is written)."""
    index = KeyIndex()
    for item in read_records(inputs, fmt):
        if isinstance(item, Problem):
            if strict and item.severity == "skipped":
                raise InputError(str(item))
            if problems is not None:
                problems.append(item)
        else:
            index.add(item)
    groups = index.groups()
    records = (item for item in read_records(inputs, fmt) if isinstance(item, Record))
    for row in paper_rows(records, groups, last_copies(groups)):
        yield as_paper(row)


def as_paper(row) -> Paper:
    """A papers-table row (dict or named tuple) as the ``Paper`` workers take."""
    get = row.get if isinstance(row, dict) else functools.partial(getattr, row)
    fields = [get(name) for name in Paper._fields]
    return Paper(*(None if not isinstance(v, str) and pd.isna(v) else v for v in fields))


def in_batches(papers: Iterable[Paper], size: int = BATCH) -> Iterator[list[Paper]]:
    """Consecutive batches of at most ``size`` papers."""
    papers = iter(papers)
    while batch := list(itertools.islice(papers, size)):
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
    papers = read_papers(inputs, fmt, problems, strict)
    first = next(papers, None)  # the first pass runs, and strict mode raises, before the output is opened
    papers = itertools.chain([first] if first else [], papers)
    written = write_papers(papers, output, jobs, batch, progress)
    return written, problems


def write_papers(papers: Iterable[Paper], output, jobs: int = 1, batch: int = BATCH, progress: bool = False) -> int:
    """Extract the papers' claims in batches and write them to ``output``; return the number of claims."""
    encoded = encoded_batches(in_batches(papers, batch), table_format(output), jobs)
    if progress:  # shown on a terminal only (tqdm's disable=None)
        from tqdm import tqdm
        encoded = tqdm(encoded, unit="batch", desc=f"{batch} papers/batch", file=sys.stderr, disable=None)
    return write_batches(encoded, output)
