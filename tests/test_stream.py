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


LONG = ("Large language models are served on clusters of accelerators with strict latency targets. "
        "We present QuickServe, a serving system that schedules prefill and decode phases separately. "
        "QuickServe reaches {n}x higher throughput than vLLM on eight A100 GPUs. "
        "It also cuts the tail latency by {n}0% on production traces from a large cloud provider.")


def _copies_corpus(folder):
    """Papers with near copies (another title spelling, an extra sentence, a hyphen), in two files."""
    lines = []
    for i in range(12):
        text = LONG.format(n=i + 2)
        lines.append({"id": f"24{i:02d}.0000{i}", "title": f"QuickServe {i}", "abstract": text})
        if i % 3 == 0:  # a later, longer copy: the merged paper comes at its last copy
            lines.append({"id": f"copy-{i}", "abstract": text.replace("large cloud", "large-cloud")
                          + f" Code and the {i + 2} traces are released to the community for further study."})
    half = len(lines) // 2
    for name, part in (("a.jsonl", lines[:half]), ("b.jsonl", lines[half:])):
        (folder / name).write_text("".join(json.dumps(r) + "\n" for r in part), encoding="utf-8")
    return [folder / "a.jsonl", folder / "b.jsonl"]


def test_every_route_gives_the_same_bytes(tmp_path):
    from click.testing import CliRunner

    from extractor.cli import main
    inputs = [str(p) for p in _copies_corpus(tmp_path)]
    outputs = {}
    for route, options in {"memory": ["--no-stream"], "stream": ["--stream"], "jobs": ["--jobs", "2"]}.items():
        for suffix in (".jsonl", ".parquet", ".csv"):
            out = tmp_path / f"{route}{suffix}"
            result = CliRunner().invoke(main, ["extract", *inputs, "-o", str(out), *options])
            assert result.exit_code == 0, result.output
            outputs[route, suffix] = out.read_bytes()
    for suffix in (".jsonl", ".parquet", ".csv"):
        assert outputs["memory", suffix] == outputs["stream", suffix] == outputs["jobs", suffix], suffix
    claims = pd.read_json(tmp_path / "memory.jsonl", lines=True, dtype={"arxiv_id": str})
    assert claims.paper_id.nunique() == 12  # four near copies merged on every route


def test_read_papers_matches_the_papers_table(tmp_path):
    from extractor.papers import read_corpus
    from extractor.stream import as_paper, read_papers
    inputs = _copies_corpus(tmp_path)
    table = read_corpus(inputs)[0]
    assert list(read_papers(inputs)) == [as_paper(r) for r in table.itertuples(index=False)]
