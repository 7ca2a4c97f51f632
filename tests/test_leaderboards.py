"""Leaderboards, summaries, slugs and the report, as tables of small hand-built claims."""

import doctest
import math
import re
from pathlib import Path

import pandas as pd
import pytest
from matplotlib.figure import Figure

import leaderboards as lb
from leaderboards import formatting, markup, names, slugs
from leaderboards.charts import figure_svg
from leaderboards.markup import md_text

COLUMNS = ["paper_id", "title", "date", "kind", "surface", "value", "low", "high", "unit", "qualifier", "subject",
           "baseline", "benchmark", "metric", "aspect", "hardware", "count", "own", "split", "start", "end", "sentence", "rule"]
DEFAULTS = {"paper_id": "p1", "title": "A paper", "date": "2024-01-01", "kind": "score", "surface": "1",
            "unit": "%", "qualifier": "exact", "benchmark": "ImageNet", "metric": "top-1 accuracy",
            "own": True, "start": 0, "end": 1, "sentence": "We report a result.", "rule": "test"}


def claims(*rows: dict) -> pd.DataFrame:
    """A claims table: each row is ``DEFAULTS`` updated by the given fields."""
    table = pd.DataFrame([{**dict.fromkeys(COLUMNS), **DEFAULTS, **row} for row in rows], columns=COLUMNS)
    for column in ("value", "low", "high"):
        table[column] = table[column].astype(float)
    table["count"] = table["count"].astype("Int64")
    table["own"] = table["own"].astype("boolean")
    return table


def scores(metric, *subject_values, **fields):
    """Score claims on ImageNet: one per (subject, value), each from its own paper."""
    return claims(*({"subject": s, "value": v, "metric": metric, "paper_id": f"p{i}", **fields}
                    for i, (s, v) in enumerate(subject_values)))


def only_board(table):
    boards = lb.leaderboards(table)
    assert len(boards) == 1, list(boards)
    return next(iter(boards.values()))


# (case id, metric as written, (subject, value) pairs, expected subjects in order, expected ranks, direction)
RANKING_CASES = [
    ("accuracy-higher", "top-1", [("A", 80), ("B", 90), ("C", 85)], ["B", "C", "A"], [1, 2, 3], "higher"),
    ("mAP-higher", "box AP", [("A", 40.1), ("B", 38)], ["A", "B"], [1, 2], "higher"),
    ("WER-lower", "word error rate", [("A", 5.0), ("B", 3.2), ("C", 4.1)], ["B", "C", "A"], [1, 2, 3], "lower"),
    ("FID-lower", "FID", [("A", 2.25), ("B", 9.1)], ["A", "B"], [1, 2], "lower"),
    ("perplexity-alias", "PPL", [("A", 12.0), ("B", 7.5)], ["B", "A"], [1, 2], "lower"),
    ("ties-share-rank", "accuracy", [("A", 90), ("B", 90), ("C", 80)], ["A", "B", "C"], [1, 1, 3], "higher"),
    ("unknown-not-ranked", "vibe score", [("A", 3), ("B", 7), ("C", 5)], ["B", "C", "A"], [None] * 3, "unknown"),
    ("no-metric", None, [("A", 1), ("B", 2)], ["B", "A"], [None] * 2, "unknown"),
]


@pytest.mark.parametrize("metric, pairs, order, ranks, direction", [c[1:] for c in RANKING_CASES],
                         ids=[c[0] for c in RANKING_CASES])
def test_ranking_follows_the_metric_direction(metric, pairs, order, ranks, direction):
    board = only_board(scores(metric, *pairs, unit="point"))
    assert board["subject"].tolist() == order
    assert [None if pd.isna(r) else int(r) for r in board["rank"]] == ranks
    assert set(board["direction"]) == {direction}
    assert board.equals(lb.leaderboard(scores(metric, *pairs, unit="point"), "ImageNet", metric))


# (case id, benchmark spellings, metric spellings, expected single board key)
ALIAS_CASES = [
    ("imagenet", ["ImageNet-1K", "ImageNet 1k", "IN-1k", "imagenet1k", "ImageNet"], ["top-1"] * 5,
     ("ImageNet", "top-1 accuracy")),
    ("metric-aliases", ["COCO"] * 3, ["mAP", "AP", "mean average precision"], ("COCO", "mAP")),
    ("box-ap", ["COCO"] * 3, ["box AP", "APbox", "box mAP"], ("COCO", "box AP")),
    ("uncatalogued-spellings", ["FooBench", "foo-bench", "FooBench"], ["Acc"] * 3, ("FooBench", "accuracy")),
    ("no-metric", ["GLUE", "glue"], [None, None], ("GLUE", "score")),
]


@pytest.mark.parametrize("benchmarks, metrics, key", [c[1:] for c in ALIAS_CASES], ids=[c[0] for c in ALIAS_CASES])
def test_aliases_merge_into_one_board(benchmarks, metrics, key):
    table = claims(*({"subject": f"M{i}", "value": 50 + i, "benchmark": b, "metric": m, "paper_id": f"p{i}"}
                     for i, (b, m) in enumerate(zip(benchmarks, metrics))))
    boards = lb.leaderboards(table)
    assert list(boards) == [key]
    assert len(boards[key]) == len(benchmarks)
    for spelling, metric in zip(benchmarks, metrics):
        assert len(lb.leaderboard(table, spelling, metric)) == len(benchmarks)


# (case id, claims as (paper, date, subject, value), expected rows as (subject, value, paper, n_reports, conflict))
DEDUP_CASES = [
    ("same-value-two-papers", [("p2", "2024-03-01", "A", 80), ("p1", "2024-05-01", "A", 80)],
     [("A", 80, "p2", 2, False)]),
    ("same-date-lower-id-wins", [("p9", "2024-03-01", "A", 80), ("p3", "2024-03-01", "A", 80)],
     [("A", 80, "p3", 2, False)]),
    ("undated-loses", [("p1", None, "A", 80), ("p2", "2024-03-01", "A", 80)], [("A", 80, "p2", 2, False)]),
    ("subject-spelling-folded", [("p1", "2024-01-01", "ResNet-50", 76.1), ("p2", "2024-02-01", "resnet50", 76.1)],
     [("ResNet-50", 76.1, "p1", 2, False)]),
    ("conflict-kept-and-flagged", [("p1", "2024-01-01", "A", 80), ("p2", "2024-02-01", "A", 82),
                                   ("p3", "2024-02-01", "B", 70)],
     [("A", 82, "p2", 1, True), ("A", 80, "p1", 1, True), ("B", 70, "p3", 1, False)]),
    ("copies-and-a-conflict", [("p1", "2024-01-01", "A", 80), ("p2", "2024-02-01", "A", 80),
                               ("p3", "2024-03-01", "A", 79)],
     [("A", 80, "p1", 2, True), ("A", 79, "p3", 1, True)]),
    ("unnamed-subjects-never-merge", [("p1", "2024-01-01", None, 80), ("p2", "2024-02-01", None, 81)],
     [(None, 81, "p2", 1, False), (None, 80, "p1", 1, False)]),
    ("one-row-per-subject-and-paper", [("p1", "2024-01-01", "A", 78), ("p1", "2024-01-01", "A", 80)],
     [("A", 80, "p1", 1, True)]),
]


@pytest.mark.parametrize("rows, expected", [c[1:] for c in DEDUP_CASES], ids=[c[0] for c in DEDUP_CASES])
def test_duplicates_collapse_and_conflicts_are_flagged(rows, expected):
    table = claims(*({"paper_id": p, "date": d, "subject": s, "value": v} for p, d, s, v in rows))
    board = only_board(table)
    got = [(s, v, p, n, c) for s, v, p, n, c in
           zip(board["subject"], board["value"], board["paper_id"], board["n_reports"], board["conflict"])]
    assert got == expected


# (case id, metric, (value, unit) pairs, expected values in board order, expected unit)
SCALE_CASES = [
    ("fraction-and-percent", "accuracy", [(0.843, None), (85.0, "%")], [85.0, 84.3], "%"),
    ("fraction-and-bare-percent", "top-1 accuracy", [(0.9, "point"), (84.3, "point")], [90.0, 84.3], "%"),
    ("all-fractions-stay", "accuracy", [(0.843, None), (0.9, None)], [0.9, 0.843], None),
    ("non-percent-metric-untouched", "FID", [(0.5, "point"), (12.0, "point")], [0.5, 12.0], "point"),
    ("small-percent-kept", "accuracy", [(0.5, "%"), (80.0, "%")], [80.0, 0.5], "%"),
]


@pytest.mark.parametrize("metric, values, expected, unit", [c[1:] for c in SCALE_CASES], ids=[c[0] for c in SCALE_CASES])
def test_values_on_one_board_share_a_scale(metric, values, expected, unit):
    table = claims(*({"subject": f"M{i}", "value": v, "unit": u, "metric": metric, "paper_id": f"p{i}"}
                     for i, (v, u) in enumerate(values)))
    board = only_board(table)
    assert board["value"].tolist() == pytest.approx(expected)
    assert set(board["unit"]) == {unit}


def test_scaled_duplicates_collapse():
    table = claims({"subject": "A", "value": 0.843, "unit": None, "paper_id": "p1"},
                   {"subject": "A", "value": 84.3, "unit": "%", "paper_id": "p2", "date": "2025-01-01"})
    board = only_board(table)
    assert (board["value"].tolist(), board["conflict"].tolist(), board["n_reports"].tolist()) == ([84.3], [False], [2])


# (qualifier, value, unit, expected display)
DISPLAY_CASES = [
    ("lower", 60.0, "%", ">= 60%"), ("approx", 37.6, "point", "~37.6"), ("upper", 2.1, "point", "<= 2.1"),
    ("max", 5.0, "%", "up to 5%"), ("exact", 84.25, "%", "84.25%"), ("mean", 71.0, "point", "avg 71"),
]


@pytest.mark.parametrize("qualifier, value, unit, display", DISPLAY_CASES, ids=[c[0] for c in DISPLAY_CASES])
def test_display_carries_the_qualifier(qualifier, value, unit, display):
    board = only_board(claims({"subject": "A", "value": value, "unit": unit, "qualifier": qualifier}))
    assert board["display"].tolist() == [display]


def test_board_row_carries_paper_context_and_model_size():
    table = claims({"subject": "BigNet", "value": 88.0, "hardware": "NVIDIA A100", "sentence": "BigNet gets 88%."},
                   {"subject": "bignet", "kind": "model_size", "value": 7e9, "unit": "parameter", "benchmark": None},
                   {"subject": "BigNet", "value": 85.0, "paper_id": "p2"})
    board = only_board(table)
    assert list(board.columns[:15]) == ["rank", "subject", "value", "display", "split", "qualifier", "own", "paper_id",
                                        "arxiv_id", "title", "date", "model_size", "hardware", "sentence", "conflict"]
    first = board.iloc[0]
    assert (first["model_size"], first["hardware"], first["sentence"], first["title"]) == (
        7e9, "NVIDIA A100", "BigNet gets 88%.", "A paper")
    assert math.isnan(board.iloc[1]["model_size"])


def test_comparisons_are_the_improvements_on_a_benchmark():
    table = claims({"subject": "A", "value": 80.0},
                   {"kind": "improvement", "subject": "A", "baseline": "B", "value": 3.2, "unit": "point",
                    "benchmark": "IN-1k", "metric": "top1"},
                   {"kind": "improvement", "subject": "A", "baseline": "C", "value": -0.6, "unit": "point",
                    "benchmark": "GLUE", "metric": None},
                   {"kind": "improvement", "subject": "A", "value": 11.9, "unit": "%", "benchmark": None})
    assert lb.comparisons(table, "ImageNet")["display"].tolist() == ["+3.2 points"]
    assert lb.comparisons(table, "ImageNet", "accuracy").empty
    assert lb.comparisons(table)["benchmark"].tolist() == ["GLUE", "ImageNet"]
    assert lb.comparisons(table)["display"].tolist() == ["-0.6 points", "+3.2 points"]


def test_speedups_group_by_baseline_and_aspect():
    table = claims(*({"kind": "speedup", "value": v, "unit": "x", "baseline": b, "aspect": a, "paper_id": p,
                      "benchmark": None, "metric": None}
                     for v, b, a, p in [(2.0, "DeepSpeed", "training", "p1"), (8.0, "DeepSpeed", "inference", "p2"),
                                        (1.5, None, "inference", "p2")]),
                   {"kind": "reduction", "value": None, "low": 2.0, "high": 4.0, "unit": "x", "baseline": None,
                    "benchmark": None, "metric": None})
    summary = lb.speedups(table).set_index(["group_by", "kind", "group"])
    deepspeed = summary.loc[("baseline", "speedup", "DeepSpeed")]
    assert (deepspeed["count"], deepspeed["min"], deepspeed["median"], deepspeed["max"], deepspeed["papers"]) == (
        2, 2.0, 5.0, 8.0, 2)
    assert deepspeed["geomean"] == pytest.approx(4.0)
    assert summary.loc[("aspect", "speedup", "inference")]["geomean"] == pytest.approx(math.sqrt(12))
    assert summary.loc[("baseline", "reduction", "(not stated)")][["count", "ranges"]].tolist() == [0, 1]


def test_model_sizes_and_hardware_tables():
    table = claims({"kind": "model_size", "subject": "Net", "value": 7e9, "unit": "parameter", "benchmark": None},
                   {"kind": "data_size", "subject": "Net", "value": 9e11, "unit": "token", "benchmark": None},
                   {"kind": "hardware", "hardware": "NVIDIA A100", "count": 8, "surface": "8 A100 GPUs"},
                   {"kind": "hardware", "surface": "TX2", "paper_id": "p2", "value": None},
                   {"kind": "hardware", "surface": "A100", "paper_id": "p2"},
                   {"kind": "hardware", "surface": "64 GPUs", "count": 64, "paper_id": "p3"},
                   {"kind": "speedup", "value": 2.0, "unit": "x", "paper_id": "p2"})
    sizes = lb.model_sizes(table)
    assert sizes[["subject", "model_size", "model_size_text", "data_size_text"]].values.tolist() == [
        ["Net", 7e9, "7B parameters", "900B tokens"]]
    devices = lb.hardware(table).set_index("device")
    assert devices.loc["NVIDIA A100", ["papers", "mentions", "total_count"]].tolist() == [2, 2, 9]
    assert devices.loc["NVIDIA A100", "device_class"] == "datacenter GPU"
    assert devices.loc["GPU", "total_count"] == 64
    assert "speedup: 1" in devices.loc["NVIDIA A100", "co_kinds"]


SLUG_NAMES = ["../../etc/passwd", "", ".hidden", "a/b", "a-b", "A/B", "..", ".", "/", "Ünïcödé", "Unicode",
              "日本語", "COCO", "coco", "x" * 300, "x" * 301, "con", "a\x00b", "C:\\Windows", "  spaces  ",
              "ImageNet — top-1 accuracy"]


@pytest.mark.parametrize("name", SLUG_NAMES, ids=range(len(SLUG_NAMES)))
def test_slugs_are_safe(tmp_path, name):
    slug = lb.slugify(name)
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug) and len(slug) <= 64
    assert "/" not in slug and ".." not in slug and not slug.startswith(".")
    path = lb.safe_path(tmp_path, name, ".svg")
    assert path.parent == tmp_path.resolve() and path.name == f"{slug}.svg"


def test_distinct_names_get_distinct_slugs():
    assert len({lb.slugify(n) for n in SLUG_NAMES}) == len(SLUG_NAMES)
    assert lb.slugify("coco") == "coco" and lb.slugify("coco") == lb.slugify("coco")


@pytest.mark.parametrize("suffix", ["/../x", "", "svg", ".s/vg", "..", ".svg/"])
def test_safe_path_refuses_unsafe_suffixes(tmp_path, suffix):
    with pytest.raises(ValueError):
        lb.safe_path(tmp_path, "name", suffix)


SCRIPT = "<script>alert(1)</script>"
PAPERS = pd.DataFrame({"paper_id": ["p1", "p2", "p3"], "title": [f"Title {SCRIPT}", "Second | paper", None],
                       "authors": ["A. B.", "C. D.", "E. F."], "n_authors": [1, 1, 1],
                       "date": ["2024-01-01", "2024-02-01", None], "text": ["", "", ""],
                       "source_id": ["", "", ""], "sources": ["", "", ""], "n_sources": [1, 1, 1]})


def report_claims() -> pd.DataFrame:
    return claims(
        {"subject": f"Net{SCRIPT}", "value": 84.3, "title": f"Title {SCRIPT}", "sentence": f"We get 84.3% {SCRIPT}."},
        {"subject": "Other", "value": 0.85, "unit": None, "paper_id": "p2", "date": "2024-02-01",
         "sentence": "Pipes | and `ticks` and\nnewlines."},
        {"subject": "Net", "value": 2.1, "metric": "WER", "benchmark": f"Bench{SCRIPT}", "paper_id": "p3", "date": None},
        {"kind": "model_size", "subject": "Net", "value": 7e9, "unit": "parameter", "benchmark": None},
        {"kind": "speedup", "value": 2.5, "unit": "x", "baseline": SCRIPT, "benchmark": None, "metric": None},
        {"kind": "improvement", "value": 1.5, "unit": "point", "subject": "Net", "baseline": "Old"},
        {"kind": "hardware", "hardware": "NVIDIA A100", "count": 8, "surface": "8 A100 GPUs"},
        {"kind": "hardware", "surface": SCRIPT, "paper_id": "p2"},
    )


def test_paper_text_reaches_the_report_only_escaped(tmp_path):
    lb.write_report(report_claims(), PAPERS, tmp_path)
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    from leaderboards.markup import SCRIPT
    assert page.lower().count("<script") == 1 and f"<script>\n{SCRIPT}\n</script>" in page  # the page's own script only
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    readme = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert "<script" not in readme.lower() and "&lt;script&gt;" in readme
    table_rows = [line for line in readme.splitlines() if line.startswith("| ")]
    assert all(len(re.findall(r"(?<!\\)\|", row)) == len(re.findall(r"(?<!\\)\|", table_rows[0])) or
               row.startswith("| ---") for row in table_rows[:3])
    assert "Pipes \\| and \\`ticks\\` and<br>newlines." in readme
    for svg in (tmp_path / "figures").iterdir():
        assert "<script" not in svg.read_text(encoding="utf-8").lower()


def test_report_is_byte_for_byte_deterministic(tmp_path):
    first, second = tmp_path / "one", tmp_path / "two"
    written = lb.write_report(report_claims(), PAPERS, first)
    lb.write_report(report_claims(), PAPERS, second)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert {Path("README.md"), Path("index.html")} <= set(files) and len(files) == len(written)
    assert all(f.suffix in (".md", ".html", ".svg") for f in files)
    for name in files:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    readme = (first / "README.md").read_text(encoding="utf-8")
    for figure in re.findall(r"!\[[^\]]*\]\((figures/[^)]+)\)", readme):
        assert (first / figure).is_file()


def test_report_of_no_claims(tmp_path):
    lb.write_report(claims().iloc[0:0], PAPERS.iloc[0:0], tmp_path)
    assert "No score claims" in (tmp_path / "README.md").read_text(encoding="utf-8")


CHARTS = [
    ("board", lambda t: lb.board_chart(only_board(t))),
    ("timeline", lambda t: lb.board_timeline(only_board(t))),
    ("size-score", lambda t: lb.size_score_chart(only_board(t))),
    ("speedups", lb.speedup_chart), ("kinds", lb.kinds_chart), ("hardware", lb.hardware_chart),
    ("over-time", lb.claims_over_time_chart),
]
CHART_TABLES = {
    "full": claims({"subject": "$6.49 \\times$ 日本語", "value": 80.0},
                   {"subject": "B", "value": 70.0, "paper_id": "p2", "date": "2023-05-01", "own": False},
                   {"subject": "B", "kind": "model_size", "value": 3e8, "unit": "parameter", "paper_id": "p2"},
                   {"kind": "speedup", "value": 3.0, "unit": "x"}, {"kind": "hardware", "surface": "H100"}),
    "undated": claims({"subject": "A", "value": 1.0, "date": None}),
}


@pytest.mark.parametrize("name, chart", CHARTS, ids=[c[0] for c in CHARTS])
@pytest.mark.parametrize("data", sorted(CHART_TABLES))
def test_charts_return_deterministic_figures(name, chart, data):
    figure = chart(CHART_TABLES[data])
    assert isinstance(figure, Figure)
    svg = figure_svg(figure)
    assert svg.startswith("<?xml") and svg == figure_svg(chart(CHART_TABLES[data]))


@pytest.mark.parametrize("text, expected", [
    ("a|b", "a\\|b"), ("`x`", "\\`x\\`"), ("<b>", "&lt;b&gt;"), ("a\nb", "a<br>b"), ("*_[]$~#", "\\*\\_\\[\\]\\$\\~\\#"),
])
def test_markdown_cells_are_escaped(text, expected):
    assert md_text(text) == expected


@pytest.mark.parametrize("module", [formatting, markup, names, slugs], ids=lambda m: m.__name__)
def test_docstring_examples(module):
    assert doctest.testmod(module, optionflags=doctest.ELLIPSIS).failed == 0


def test_hardware_table_shows_what_was_measured_on_each_device_by_class():
    import pandas as pd

    from extractor.table import extract_claims
    text = ("FooServe reaches 2.5x higher throughput than vLLM on an NVIDIA A100 and runs at 30 FPS on a "
            "Jetson Orin Nano.")
    claims = extract_claims(pd.DataFrame({"paper_id": ["p"], "text": [text], "title": ["FooServe"]}))
    import leaderboards
    table = leaderboards.hardware(claims)
    by_device = dict(zip(table["device"], table["measured"]))
    assert "speedup 2.5x" in by_device["NVIDIA A100"] and "throughput" in by_device["NVIDIA Jetson Orin Nano"]
    assert list(table["device_class"]) == sorted(table["device_class"])  # grouped by class


def test_plain_accuracy_on_imagenet_is_on_the_top1_board():
    import pandas as pd

    from extractor.table import extract_claims
    papers = pd.DataFrame({"paper_id": ["a", "b"], "title": ["A", "B"], "text": [
        "FooNet reaches 81.2% top-1 accuracy on ImageNet.", "BarNet reaches 80.1% accuracy on ImageNet."]})
    boards = lb.leaderboards(extract_claims(papers))
    assert ("ImageNet", "accuracy") not in boards
    assert sorted(boards["ImageNet", "top-1 accuracy"]["value"]) == [80.1, 81.2]


# (case id, benchmark, the paper's (split, value) pairs, expected boards: benchmark -> [(split, value)])
SPLIT_CASES = [
    ("own-board-splits", "LibriSpeech", [("test-clean", 2.1), ("test-other", 4.3)],
     {"LibriSpeech test-clean": [("test-clean", 2.1)], "LibriSpeech test-other": [("test-other", 4.3)]}),
    ("shared-board-splits", "COCO", [("test-dev", 55.1), ("minival", 54.8)],
     {"COCO": [("minival", 54.8), ("test-dev", 55.1)]}),  # ranked as WER: lower first
    ("no-split", "COCO", [(None, 55.1), (None, 54.8)], {"COCO": [(None, 54.8)]}),  # WER: the lower is the best
]


@pytest.mark.parametrize("case, bench, pairs, expected", SPLIT_CASES, ids=[c[0] for c in SPLIT_CASES])
def test_splits_on_boards(case, bench, pairs, expected):
    table = claims(*({"subject": "Net", "benchmark": bench, "metric": "WER", "value": v, "split": s} for s, v in pairs))
    boards = lb.leaderboards(table)
    got = {b: [(None if pd.isna(s) else s, v) for s, v in zip(board["split"], board["value"])]
           for (b, _), board in boards.items()}
    assert got == expected


def test_a_papers_model_variants_are_rows_of_their_own():
    table = claims({"subject": "EdgeNet", "value": 71.2, "sentence": "EdgeNet with 1.3M parameters achieves 71.2%."},
                   {"subject": "EdgeNet", "kind": "model_size", "value": 1.3e6, "unit": "parameter", "benchmark": None,
                    "sentence": "EdgeNet with 1.3M parameters achieves 71.2%."},
                   {"subject": "EdgeNet", "value": 79.4, "sentence": "EdgeNet with 5.6M parameters achieves 79.4%."},
                   {"subject": "EdgeNet", "kind": "model_size", "value": 5.6e6, "unit": "parameter", "benchmark": None,
                    "sentence": "EdgeNet with 5.6M parameters achieves 79.4%."},
                   )
    board = only_board(table)
    assert list(zip(board["value"], board["model_size"])) == [(79.4, 5.6e6), (71.2, 1.3e6)]
    unsized = pd.concat([table, claims({"subject": "EdgeNet", "value": 70.0, "sentence": "An ablation reaches 70.0%."})])
    assert only_board(unsized)["value"].tolist() == [79.4]  # a score of no stated size: one row, the best, as before
