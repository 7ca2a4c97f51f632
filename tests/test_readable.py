"""Sentences in the report are shown as a reader sees them, whatever LaTeX they hold."""

import pytest

from leaderboards.formatting import readable


@pytest.mark.parametrize("latex, shown", [
    ("reaches \\textbf{87.8\\%} top-1 accuracy", "reaches 87.8% top-1 accuracy"),
    ("a $6.49 \\times$ speedup", "a 6.49 × speedup"),
    ("IS=8.81$\\pm$0.10", "IS=8.81±0.10"),
    ("plain text stays as it is", "plain text stays as it is"),
    ("\\emph{ours} with 5\\,ms", "ours with 5 ms"),
])
def test_readable(latex, shown):
    assert readable(latex) == shown


@pytest.mark.parametrize("broken", ["unclosed $ dollar {brace", "\\begin{tabular", "}}}}$$$\\\\\\", "\\" * 1000])
def test_broken_latex_still_gives_text(broken):
    assert isinstance(readable(broken), str)
