"""Side by side with quantulum3 (the general-purpose quantity extractor), same texts, same run.

quantulum3 is the optional `bench` extra: pip install -e '.[bench]'.
"""

import time

import pytest
from corpus import seed_papers

from extractor import extract

quantulum3 = pytest.importorskip("quantulum3", reason="quantulum3 is not installed (pip install -e '.[bench]')")


def _throughput(function, texts) -> float:
    start = time.perf_counter()
    for text in texts:
        function(text)
    return megabytes_of(texts) / (time.perf_counter() - start)


def megabytes_of(texts) -> float:
    return sum(len(t.encode()) for t in texts) / 1e6


def test_extract_vs_quantulum3(benchmark, capsys):
    from quantulum3 import parser
    texts = list(seed_papers().text)  # every bundled abstract (quantulum3 needs about seven seconds)
    parser.parse(texts[0])  # load its models before timing
    ours = benchmark.pedantic(lambda: [extract(t) for t in texts], rounds=5, iterations=1, warmup_rounds=1)
    assert ours
    if benchmark.stats:
        our_rate = megabytes_of(texts) / benchmark.stats.stats.mean
        their_rate = _throughput(parser.parse, texts)
        benchmark.extra_info.update(ours_MB_per_s=round(our_rate, 3), quantulum3_MB_per_s=round(their_rate, 4),
                                    ratio=round(our_rate / their_rate, 1))
        with capsys.disabled():
            print(f"\nextract: {our_rate:.3f} MB/s  quantulum3: {their_rate:.4f} MB/s  ratio: {our_rate / their_rate:.1f}x")
