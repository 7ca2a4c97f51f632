"""One benchmark per public stage, named after it (run: pytest benchmarks/ --benchmark-enable):
reading the corpus, text normalization, extraction per abstract, the claims table, unit
normalization and building leaderboards.

Throughput is printed in MB/s of abstract text; RESULTS.md records a run.
"""

import pytest
from corpus import megabytes, scaled_papers, seed_papers

import extractor
from extractor.papers import read_corpus
from extractor.table import extract_claims, with_quantity
from extractor.text import normalize_text


def _report(benchmark, papers):
    if benchmark.stats:
        mean = benchmark.stats.stats.mean
        benchmark.extra_info["MB_per_s"] = round(megabytes(papers) / mean, 3)


def test_read_corpus(benchmark):
    papers, _, n = benchmark(read_corpus)
    assert n == 236 and len(papers) == 230


def test_normalize_text(benchmark):
    texts = list(seed_papers().text)
    out = benchmark(lambda: [normalize_text(t) for t in texts])
    assert out == texts  # the papers table already holds normalized text


def test_extract_per_abstract(benchmark):
    texts = list(seed_papers().text)
    claims = benchmark(lambda: [extractor.extract(t) for t in texts])
    assert sum(map(len, claims)) > 300
    _report(benchmark, seed_papers())


@pytest.mark.parametrize("factor", [1, 10, 100])
def test_extract_claims(benchmark, factor):
    papers = scaled_papers(factor)
    rounds = {1: 10, 10: 3, 100: 1}[factor]
    claims = benchmark.pedantic(extract_claims, args=(papers,), rounds=rounds, iterations=1, warmup_rounds=1)
    assert len(claims) > 300 * factor
    _report(benchmark, papers)


def test_unit_normalization(benchmark):
    claims = extract_claims(seed_papers())
    out = benchmark(with_quantity, claims)
    assert out["quantity"].notna().sum() > 300


@pytest.mark.parametrize("factor", [1, 10])
def test_build_leaderboards(benchmark, factor):
    import leaderboards

    claims = extract_claims(scaled_papers(factor))
    boards = benchmark(leaderboards.leaderboards, claims)
    assert boards and all(len(board) for board in boards.values())
    if benchmark.stats:
        benchmark.extra_info["claims_per_s"] = round(len(claims) / benchmark.stats.stats.mean)


def _real_papers(n: int = 2000):
    """The first ``n`` abstracts of the shipped pwc-sota corpus (raw LaTeX arXiv abstracts) as a papers table."""
    import gzip
    import itertools
    import json
    from pathlib import Path

    import pandas as pd
    path = Path(__file__).resolve().parent.parent / "examples" / "pwc-sota" / "corpus.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        records = [json.loads(line) for line in itertools.islice(handle, n)]
    return pd.DataFrame({"paper_id": [r["id"] for r in records], "text": [r["text"] for r in records],
                         "title": None})


def test_extract_claims_real_abstracts(benchmark):
    """2,000 real arXiv abstracts beside the bundled corpus: LaTeX, long sentences, a 1,200-benchmark vocabulary."""
    papers = _real_papers()
    claims = benchmark.pedantic(extract_claims, args=(papers,), rounds=3, iterations=1, warmup_rounds=1)
    assert len(claims) > 500
    _report(benchmark, papers)
