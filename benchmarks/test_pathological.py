"""Pathological inputs, each with a time budget (run: pytest benchmarks/ --benchmark-enable).

The scanner is linear in the text: long "sentences" are cut in pieces, every
pattern is anchored or bounded, and the regex module's timeout is the last
guard. The budgets are per input, for this 2-core machine.
"""

import pytest

from extractor import extract

KB100 = 100_000
# (name, text, budget in seconds)
PATHOLOGICAL = [
    # the hostile abstracts of issue 6: 50 ms each
    ("digits", "1" * KB100, 0.05),
    ("dots", "." * KB100, 0.05),
    ("x-x-x", "x " * (KB100 // 2), 0.05),
    ("nested-parentheses", "(" * (KB100 // 2) + ")" * (KB100 // 2), 0.05),
    ("latex-times", "$\\times$ " * (KB100 // 9), 0.05),
    ("unclosed-dollars", "$" * KB100, 0.05),
    ("dotted-numbers", "1.1." * (KB100 // 4), 0.05),
    # inputs made of real numbers cost per number: linear, with looser budgets
    ("spaced-numbers", "1 " * (KB100 // 2), 3.0),
    ("comma-numbers", "1," * (KB100 // 2), 3.0),
    ("one-megabyte-line", "a" * 1_000_000, 1.0),
    ("dense-claims", "up to 2x faster on 8 A100 GPUs and 3.5% higher accuracy. " * 1700, 6.0),
]


@pytest.mark.parametrize("name, text, budget", PATHOLOGICAL, ids=[p[0] for p in PATHOLOGICAL])
def test_pathological_input_within_budget(benchmark, name, text, budget):
    benchmark.pedantic(extract, args=(text,), rounds=1, iterations=1)
    if benchmark.stats:
        assert benchmark.stats.stats.max < budget, f"{name}: {benchmark.stats.stats.max:.2f}s"
