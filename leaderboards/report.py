"""The report: ``README.md`` (GitHub Markdown), a self-contained
``index.html`` and the charts as SVG files under ``figures/``.

The same claims and papers always give the same bytes: every order is
sorted, no timestamp is written, and charts are rendered with a fixed SVG
hash salt and no date. All paper text is escaped by :mod:`.markup`.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from . import charts
from .boards import comparisons, leaderboards
from .formatting import format_number, format_quantity, missing, readable
from .markup import Block, Chart, Heading, Links, Paragraph, Table, to_html, to_markdown
from .slugs import safe_path, slugify
from .summaries import hardware, model_sizes, speedup_claims, speedups
from .table import claims_frame

TITLE = "Claims from ML papers: leaderboards and summaries"
FIGURES = "figures"
SECTIONS = (("Overview", "overview"), ("Leaderboards", "leaderboards"), ("Comparisons", "comparisons"),
            ("Speedups and reductions", "speedups"), ("Model, data and compute sizes", "sizes"),
            ("Hardware", "hardware"), ("Papers", "papers"))


class _Charts:
    """Collects the report's charts as SVG text, each under a distinct safe file name."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.files: dict[Path, str] = {}

    def add(self, name: str, figure: Figure, alt: str) -> Chart:
        """Render ``figure`` for the file ``figures/<slug of name>.svg`` and return its block."""
        path = safe_path(self.folder, name, ".svg")
        if path in self.files:
            raise ValueError(f"two charts would both be written to {path.name}")
        svg = charts.figure_svg(figure)
        self.files[path] = svg
        return Chart(f"{FIGURES}/{path.name}", alt, svg)


def write_report(claims: pd.DataFrame, papers: pd.DataFrame, out_dir: str | Path, min_rows: int = 1) -> list[Path]:
    """Write ``README.md``, ``index.html`` and ``figures/*.svg`` into ``out_dir``; return the paths written.

    Only boards with at least ``min_rows`` rows are shown (a real corpus has hundreds of one-row
    boards). Files already in ``out_dir`` that the report does not produce are left alone.
    """
    out = Path(out_dir)
    figures = _Charts((out / FIGURES).resolve())
    claims = with_paper_metadata(claims, papers)
    blocks = report_blocks(claims, papers, figures, min_rows)
    figures.folder.mkdir(parents=True, exist_ok=True)
    written = []
    for path, svg in sorted(figures.files.items()):
        path.write_text(svg, encoding="utf-8", newline="\n")
        written.append(path)
    for name, text in (("README.md", to_markdown(TITLE, blocks)), ("index.html", to_html(TITLE, blocks))):
        (out / name).write_text(text, encoding="utf-8", newline="\n")
        written.append(out / name)
    return written


def with_paper_metadata(claims: pd.DataFrame, papers: pd.DataFrame | None) -> pd.DataFrame:
    """``claims`` with a missing ``title`` or ``date`` taken from the paper's row in ``papers``."""
    table = claims_frame(claims)
    if papers is None or papers.empty or "paper_id" not in papers.columns:
        return table
    for column in ("title", "date"):
        if column in papers.columns:
            known = {p: v for p, v in zip(papers["paper_id"], papers[column]) if not missing(v)}
            table[column] = [v if not missing(v) else known.get(p) for p, v in zip(table["paper_id"], table[column])]
    return table


def report_blocks(claims: pd.DataFrame, papers: pd.DataFrame | None, figures: _Charts, min_rows: int = 1) -> list[Block]:
    """The whole document, section by section (boards of at least ``min_rows`` rows)."""
    boards = {key: board for key, board in leaderboards(claims).items() if len(board) >= min_rows}
    blocks: list[Block] = [Links(SECTIONS)]
    blocks += _overview(claims, papers, boards, figures)
    blocks += _boards_section(boards, figures)
    blocks += _comparisons_section(claims)
    blocks += _speedups_section(claims, figures)
    blocks += _sizes_section(claims)
    blocks += _hardware_section(claims)
    blocks += _papers_section(claims, papers)
    return blocks


def _heading(index: int) -> Heading:
    text, anchor = SECTIONS[index]
    return Heading(2, text, anchor)


def _table(frame: pd.DataFrame, columns: dict[str, object], quotes: tuple[str, ...] = ("Sentence",)) -> Table:
    """A table from ``frame``: ``columns`` maps each header to a column name or a ``row -> text`` function."""
    rows = []
    for _, row in frame.iterrows():
        cells = [(spec(row) if callable(spec) else row[spec]) for spec in columns.values()]
        texts = ["" if missing(c) else (format_number(c) if isinstance(c, float) else str(c)) for c in cells]
        rows.append(tuple(readable(t) if header in quotes else t for header, t in zip(columns, texts)))
    return Table(tuple(columns), tuple(rows), frozenset(quotes))


def _paper(row: pd.Series) -> str:
    """The paper as a reader finds it: its title and arXiv id, or whichever it has, else the paper id."""
    arxiv = row.get("arxiv_id")
    arxiv = None if missing(arxiv) else f"arXiv:{arxiv}"
    title = None if missing(row["title"]) else row["title"]
    return " · ".join(p for p in (title, arxiv) if p) or row["paper_id"]


def _overview(claims, papers, boards, figures: _Charts) -> list[Block]:
    n_papers = len(papers) if papers is not None else claims["paper_id"].nunique()
    with_claims = claims["paper_id"].nunique()
    counts = claims["kind"].dropna().value_counts()
    kinds = pd.DataFrame({"kind": counts.index, "claims": counts.to_numpy()}).sort_values(
        ["claims", "kind"], ascending=[False, True], kind="stable")
    blocks: list[Block] = [
        _heading(0),
        Paragraph(f"{n_papers} papers, {len(claims)} claims from {with_claims} of them, "
                  f"{len(boards)} leaderboards."),
        _table(kinds, {"Kind": "kind", "Claims": lambda r: str(r["claims"])}, ()),
        figures.add("claims-per-kind", charts.kinds_chart(claims), "Claims per kind"),
        figures.add("claims-over-time", charts.claims_over_time_chart(claims), "Claims over time by paper date"),
    ]
    if (claims["kind"] == "hardware").any():
        blocks.append(figures.add("hardware", charts.hardware_chart(claims), "Hardware named, by papers"))
    return blocks


def _board_index(boards: dict) -> Table:
    """Every board, most rows first."""
    ordered = sorted(boards.items(), key=lambda kv: -len(kv[1]))
    rows = tuple((b, m, board["direction"].iloc[0], str(len(board)), str(board["paper_id"].nunique()))
                 for (b, m), board in ordered)
    return Table(("Benchmark", "Metric", "Better", "Entries", "Papers"), rows)


def _boards_section(boards: dict, figures: _Charts) -> list[Block]:
    blocks: list[Block] = [_heading(1)]
    if not boards:
        return blocks + [Paragraph("No score claims name a benchmark.")]
    blocks += [_board_index(boards), Links(tuple((f"{b} — {m}", _board_anchor(b, m)) for b, m in boards))]
    for (benchmark, metric), board in boards.items():
        blocks += _board_blocks(benchmark, metric, board, figures)
    return blocks


def _board_anchor(benchmark: str, metric: str) -> str:
    return "board-" + slugify(f"{benchmark}\n{metric}")


def _board_blocks(benchmark: str, metric: str, board: pd.DataFrame, figures: _Charts) -> list[Block]:
    name, direction = f"{benchmark} — {metric}", board["direction"].iloc[0]
    note = {"higher": "Higher is better.", "lower": "Lower is better."}.get(
        direction, "The metric's direction is unknown: rows are sorted by value, not ranked.")
    stem = _board_anchor(benchmark, metric)
    blocks: list[Block] = [Heading(3, name, stem), Paragraph(note),
                           figures.add(stem, charts.board_chart(board, name), f"{name}: results")]
    if (board["date"].notna() & board["value"].notna()).sum() >= 2:
        blocks.append(figures.add(f"{stem}-time", charts.board_timeline(board, name), f"{name}: results over time"))
    if board["model_size"].notna().sum() >= 2:
        blocks.append(figures.add(f"{stem}-size", charts.size_score_chart(board, name), f"{name}: size vs score"))
    columns = {"Rank": "rank", "Subject": "subject", "Result": "display", "Split": "split", "Own": _own, "Paper": _paper,
               "Date": "date", "Size": lambda r: _params(r["model_size"]), "Hardware": "hardware",
               "Conflict": lambda r: "conflict" if r["conflict"] else "",
               "Reports": lambda r: str(r["n_reports"]), "Sentence": "sentence"}
    if board["split"].isna().all():
        del columns["Split"]  # a column only where some row names its split
    return blocks + [_table(board, columns)]


def _own(row: pd.Series) -> str:
    return "" if missing(row["own"]) else ("own" if bool(row["own"]) else "quoted")


def _params(value: object) -> str:
    return format_quantity(value, "parameter").removesuffix(" parameters")


def _comparisons_section(claims: pd.DataFrame) -> list[Block]:
    table = comparisons(claims)
    if table.empty:
        return [_heading(2), Paragraph("No improvement claims name a benchmark.")]
    columns = {"Benchmark": "benchmark", "Metric": "metric", "Subject": "subject", "Baseline": "baseline",
               "Change": "display", "Aspect": "aspect", "Own": _own, "Paper": _paper, "Date": "date",
               "Sentence": "sentence"}
    return [_heading(2), Paragraph("Relative claims (improvements over a baseline) on a named benchmark."),
            _table(table, columns)]


def _speedups_section(claims: pd.DataFrame, figures: _Charts) -> list[Block]:
    detail = speedup_claims(claims)
    if detail.empty:
        return [_heading(3), Paragraph("No speedup or reduction claims.")]
    summary = speedups(claims)
    stats = {"Kind": "kind", "Group": "group", "Claims": lambda r: str(r["count"]), "Min": "min",
             "Median": "median", "Max": "max", "Geometric mean": "geomean",
             "Papers": lambda r: str(r["papers"]), "Ranges": lambda r: str(r["ranges"])}
    columns = {"Kind": "kind", "Subject": "subject", "Baseline": "baseline", "Aspect": "aspect",
               "Factor": "display", "Hardware": "hardware", "Paper": _paper, "Date": "date", "Sentence": "sentence"}
    return [_heading(3), figures.add("speedups", charts.speedup_chart(claims), "Speedup and reduction factors"),
            Heading(3, "By baseline"), _table(summary[summary["group_by"] == "baseline"], stats, ()),
            Heading(3, "By aspect"), _table(summary[summary["group_by"] == "aspect"], stats, ()),
            Heading(3, "Every factor"), _table(detail, columns)]


def _sizes_section(claims: pd.DataFrame) -> list[Block]:
    table = model_sizes(claims)
    if table.empty:
        return [_heading(4), Paragraph("No model size, data size or compute claims.")]
    columns = {"Subject": "subject", "Paper": _paper, "Date": "date", "Parameters": "model_size_text",
               "Data": "data_size_text", "Compute": "compute_text", "Sentence": "sentence"}
    return [_heading(4), _table(table, columns)]


def _hardware_section(claims: pd.DataFrame) -> list[Block]:
    table = hardware(claims)
    if table.empty:
        return [_heading(5), Paragraph("No hardware claims.")]
    columns = {"Device": "device", "Vendor": "vendor", "Class": "device_class",
               "Papers": lambda r: str(r["papers"]), "Mentions": lambda r: str(r["mentions"]),
               "Devices counted": lambda r: str(r["total_count"]), "Measured on it": "measured",
               "Other claims (papers)": "co_kinds",
               "Sentence": "sentence"}
    return [_heading(5), Paragraph("Devices named by hardware claims; the sentence is the first mention's."),
            _table(table, columns)]


def _papers_section(claims: pd.DataFrame, papers: pd.DataFrame | None) -> list[Block]:
    if papers is None or papers.empty:
        return [_heading(6), Paragraph("No papers table was given.")]
    counts = claims["paper_id"].value_counts()
    table = papers.assign(claims=[int(counts.get(p, 0)) for p in papers["paper_id"]])
    table = table.sort_values(["date", "paper_id"], na_position="last", kind="stable")
    columns = {"Paper id": "paper_id", "Title": lambda r: "" if missing(r.get("title")) else r["title"],
               "Date": lambda r: "" if missing(r.get("date")) else r["date"],
               "Authors": lambda r: "" if missing(r.get("n_authors")) else str(int(r["n_authors"])),
               "Claims": lambda r: str(r["claims"])}
    return [_heading(6), _table(table, columns, ())]
