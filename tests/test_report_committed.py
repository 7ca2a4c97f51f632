"""The committed report is exactly what `claims report` generates from the bundled corpus."""

from pathlib import Path

import matplotlib

import leaderboards
from extractor import extract_claims

REPORTS = Path(__file__).resolve().parent.parent / "reports"
# Charts are compared byte for byte only under the matplotlib that drew the committed ones;
# the Markdown (text and file names) is compared always.
DRAWN_WITH = "3.11.2"


REAL_CORPUS = REPORTS.parent / "examples" / "pwc-sota" / "corpus.jsonl.gz"


def _same_report(fresh_dir: Path, committed_dir: Path, skip: tuple[str, ...] = ()) -> None:
    fresh = sorted(p.relative_to(fresh_dir) for p in fresh_dir.rglob("*") if p.is_file())
    committed = sorted(p.relative_to(committed_dir) for p in committed_dir.rglob("*")
                       if p.is_file() and p.relative_to(committed_dir).parts[0] not in skip)
    assert fresh == committed
    compared = fresh if matplotlib.__version__ == DRAWN_WITH else [Path("README.md")]
    for name in compared:
        assert (fresh_dir / name).read_bytes() == (committed_dir / name).read_bytes(), name


def test_committed_report_matches_a_fresh_one(bundled, tmp_path):
    papers = bundled[0]
    leaderboards.write_report(extract_claims(papers), papers, tmp_path)
    _same_report(tmp_path, REPORTS, skip=("pwc-sota",))


def test_committed_real_corpus_report_matches_a_fresh_one(tmp_path):
    """The report of the 11,552-paper pwc-sota corpus, boards of at least 5 rows."""
    from extractor import read_corpus
    papers = read_corpus([REAL_CORPUS])[0]
    leaderboards.write_report(extract_claims(papers), papers, tmp_path, min_rows=5)
    _same_report(tmp_path, REPORTS / "pwc-sota")


def test_coco_board_shows_visionllm_over_60_map(bundled):
    claims = extract_claims(bundled[0])
    board = leaderboards.leaderboard(claims, "COCO", "mAP")
    row = board[board.subject == "VisionLLM"].iloc[0]
    assert row.value == 60 and row.qualifier == "lower"
