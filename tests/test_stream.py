"""Streaming extraction: batches, worker processes and large JSON Lines files."""

import json

import pandas as pd

from extractor import readers
from extractor.stream import stream_extract

ABSTRACT = ("We propose FastNet, which trains {n} times faster than the baseline on eight GPUs "
            "and reaches {n}.5% accuracy on ImageNet with fewer than {n}M parameters in total.")


def _corpus(path, n=60):
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps({"id": str(i), "title": f"Paper {i}", "abstract": ABSTRACT.format(n=i + 2)}) + "\n")
        f.write("{broken\n")


def test_jobs_give_identical_bytes(tmp_path):
    _corpus(tmp_path / "c.jsonl")
    one, two = tmp_path / "one.parquet", tmp_path / "two.parquet"
    n1, p1 = stream_extract([tmp_path / "c.jsonl"], one, jobs=1, batch=7)
    n2, p2 = stream_extract([tmp_path / "c.jsonl"], two, jobs=2, batch=7)
    assert n1 == n2 > 0 and one.read_bytes() == two.read_bytes()
    assert [p.line for p in p1] == [61]
    assert len(pd.read_parquet(one)) == n1


def test_large_json_lines_are_streamed(tmp_path, monkeypatch):
    _corpus(tmp_path / "big.jsonl", n=30)
    monkeypatch.setattr(readers, "STREAM_BYTES", 100)
    items = list(readers.read_file(tmp_path / "big.jsonl"))
    assert sum(isinstance(i, readers.Record) for i in items) == 30
    assert [i.line for i in items if isinstance(i, readers.Problem)] == [31]


def test_stream_to_jsonl_and_csv_agree(tmp_path):
    _corpus(tmp_path / "c.jsonl", n=10)
    stream_extract([tmp_path / "c.jsonl"], tmp_path / "o.jsonl", batch=3)
    stream_extract([tmp_path / "c.jsonl"], tmp_path / "o.csv", batch=3)
    assert len(pd.read_json(tmp_path / "o.jsonl", lines=True)) == len(pd.read_csv(tmp_path / "o.csv"))


def test_strict_streaming_stops_before_writing(tmp_path):
    import pytest

    from extractor.errors import InputError
    _corpus(tmp_path / "c.jsonl", n=5)
    with pytest.raises(InputError, match="c.jsonl:6"):
        stream_extract([tmp_path / "c.jsonl"], tmp_path / "o.jsonl", strict=True)
    assert not (tmp_path / "o.jsonl").exists()
