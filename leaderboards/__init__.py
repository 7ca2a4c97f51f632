"""Leaderboards, summaries, charts and a report built from the claims table.

Every table function takes the claims DataFrame and returns a new DataFrame
(or a dict of them); chart functions return a matplotlib Figure; only
:func:`write_report` writes files.
"""

from .boards import comparisons, leaderboard, leaderboards
from .charts import (
    board_chart,
    board_timeline,
    claims_over_time_chart,
    figure_svg,
    hardware_chart,
    kinds_chart,
    size_score_chart,
    speedup_chart,
)
from .report import write_report
from .slugs import safe_path, slugify
from .summaries import hardware, model_sizes, speedup_claims, speedups

__all__ = [
    "leaderboard", "leaderboards", "comparisons", "speedups", "speedup_claims", "model_sizes", "hardware",
    "write_report", "slugify", "safe_path",
    "board_chart", "board_timeline", "speedup_chart", "size_score_chart", "kinds_chart", "hardware_chart",
    "claims_over_time_chart", "figure_svg",
]
