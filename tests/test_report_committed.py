"""The committed report is exactly what `claims report` generates from the bundled corpus."""

from pathlib import Path

import matplotlib

import leaderboards
from extractor import extract_claims

REPORTS = Path(__file__).resolve().parent.parent / "reports"
# Charts are compared byte for byte only under the matplotlib that drew the committed ones;
# the Markdown (text and file names) is compared always.
DRAWN_WITH = "3.11.2"


def test_committed_report_matches_a_fresh_one(bundled, tmp_path):
    papers = bundled[0]
    leaderboards.write_report(extract_claims(papers), papers, tmp_path)
    fresh = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    committed = sorted(p.relative_to(REPORTS) for p in REPORTS.rglob("*") if p.is_file())
    assert fresh == committed
    compared = fresh if matplotlib.__version__ == DRAWN_WITH else [Path("README.md")]
    for name in compared:
        assert (tmp_path / name).read_bytes() == (REPORTS / name).read_bytes(), name


def test_coco_board_shows_visionllm_over_60_map(bundled):
    claims = extract_claims(bundled[0])
    board = leaderboards.leaderboard(claims, "COCO", "mAP")
    row = board[board.subject == "VisionLLM"].iloc[0]
    assert row.value == 60 and row.qualifier == "lower"
