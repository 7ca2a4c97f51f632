"""Charts of boards and claims. Each function returns a matplotlib Figure
and writes nothing; :func:`figure_svg` renders one to deterministic SVG text
for the report.

Text from papers is drawn literally: ``$`` is escaped so that it never starts
mathtext, and long labels are shortened.
"""

from __future__ import annotations

import io
import math
import warnings

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import FuncFormatter, LogLocator, MaxNLocator, NullFormatter  # noqa: E402

from .formatting import format_quantity, missing  # noqa: E402
from .summaries import FACTOR_KINDS, hardware  # noqa: E402
from .table import claims_frame  # noqa: E402

SVG_SETTINGS = {"svg.hashsalt": "leaderboards", "svg.fonttype": "none"}
SVG_METADATA = {"Date": None, "Creator": None}
PNG_METADATA = {"Software": None}
OWN, QUOTED, ACCENT, MUTED = "#3b6ea5", "#b0b7c3", "#d1495b", "#6c757d"
MAX_BARS = 25
MAX_LABEL = 40


def label(text: object, limit: int = MAX_LABEL) -> str:
    """Paper text made safe as a chart label: ``$`` escaped, shortened to ``limit`` characters."""
    value = "" if missing(text) else " ".join(str(text).split())
    if len(value) > limit:
        value = value[: limit - 1].rstrip() + "…"
    return value.replace("$", r"\$")


def _figure(width: float = 7.0, height: float = 4.0) -> tuple[Figure, object]:
    figure = Figure(figsize=(width, height), dpi=100, layout="constrained")
    return figure, figure.subplots()


def _empty(figure: Figure, axes, message: str) -> Figure:
    axes.set_axis_off()
    axes.text(0.5, 0.5, message, ha="center", va="center", color=MUTED, transform=axes.transAxes)
    return figure


def _direction_note(board: pd.DataFrame) -> str:
    direction = board["direction"].iloc[0] if len(board) else "unknown"
    return {"higher": "higher is better", "lower": "lower is better"}.get(direction, "direction unknown: not ranked")


def board_chart(board: pd.DataFrame, title: str | None = None) -> Figure:
    """Horizontal bars of a board in rank order (best on top), at most ``MAX_BARS`` rows.

    Blue bars are the papers' own results, grey ones quoted baselines; hatched
    bars have conflicting values; a range is drawn from its low to its high end.
    """
    rows = board.head(MAX_BARS)
    figure, axes = _figure(7.0, 1.2 + 0.32 * max(len(rows), 1))
    if rows.empty:
        return _empty(figure, axes, "no results")
    positions = np.arange(len(rows))[::-1]
    widths, lefts = [], []
    for value, low, high in zip(rows["value"], rows["low"], rows["high"]):
        start, end = (0.0, value) if not missing(value) else (low, high)
        lefts.append(0.0 if missing(start) else float(start))
        widths.append(0.0 if missing(end) else float(end) - lefts[-1])
    colors = [OWN if not missing(own) and bool(own) else QUOTED for own in rows["own"]]
    bars = axes.barh(positions, widths, left=lefts, color=colors, edgecolor="white")
    for bar, conflict in zip(bars, rows["conflict"]):
        if bool(conflict):
            bar.set_hatch("//")
            bar.set_edgecolor(ACCENT)
    names = [f"{'' if missing(r) else f'{r}. '}{label(s or '(unnamed)')}"
             for r, s in zip(rows["rank"], rows["subject"])]
    axes.set_yticks(positions, names)
    for position, width, left, text in zip(positions, widths, lefts, rows["display"]):
        axes.text(left + width, position, f" {label(text, 20)}", va="center", fontsize=8)
    axes.margins(x=0.15)
    axes.set_xlabel(label(_axis_name(board)))
    axes.set_title(f"{label(title or _board_name(board), 60)} ({_direction_note(board)})", fontsize=10)
    axes.spines[["top", "right"]].set_visible(False)
    return figure


def _board_name(board: pd.DataFrame) -> str:
    return f"{board['benchmark'].iloc[0]} — {board['metric'].iloc[0]}" if len(board) else ""


def _axis_name(board: pd.DataFrame) -> str:
    if not len(board):
        return ""
    unit = board["unit"].iloc[0]
    return f"{board['metric'].iloc[0]}{' (%)' if unit == '%' else ''}"


def _dates(column: pd.Series) -> pd.Series:
    return pd.to_datetime(column.astype(object), format="ISO8601", errors="coerce")


def board_timeline(board: pd.DataFrame, title: str | None = None) -> Figure:
    """Results over time by paper date, with the best-so-far as a step line when the direction is known."""
    rows = board.assign(when=_dates(board["date"]) if len(board) else pd.Series(dtype="datetime64[ns]"))
    rows = rows[rows["when"].notna() & rows["value"].notna()]
    figure, axes = _figure(7.0, 3.5)
    if rows.empty:
        return _empty(figure, axes, "no dated results")
    best_first = rows["direction"].iloc[0] == "lower"
    rows = rows.sort_values(["when", "value"], ascending=[True, best_first], kind="stable")
    when, values = rows["when"].to_numpy(dtype="datetime64[ns]"), rows["value"].astype(float).to_numpy()
    axes.scatter(when, values, color=[ACCENT if bool(c) else OWN for c in rows["conflict"]], zorder=3)
    direction = rows["direction"].iloc[0]
    if direction in ("higher", "lower"):
        best = np.maximum.accumulate(values) if direction == "higher" else np.minimum.accumulate(values)
        axes.step(when, best, where="post", color=MUTED, label="best so far")
        axes.legend(loc="best", fontsize=8)
    axes.set_ylabel(label(_axis_name(board)))
    axes.set_title(f"{label(title or _board_name(board), 60)} over time ({_direction_note(board)})", fontsize=10)
    axes.spines[["top", "right"]].set_visible(False)
    figure.autofmt_xdate()
    return figure


def speedup_chart(claims: pd.DataFrame) -> Figure:
    """Histogram of speedup and reduction factors on a logarithmic axis (ranges left out)."""
    table = claims_frame(claims, FACTOR_KINDS)
    table = table[table["value"].gt(0)]
    figure, axes = _figure(7.0, 3.5)
    if table.empty:
        return _empty(figure, axes, "no speedup or reduction factors")
    low, high = math.floor(math.log10(table["value"].min())), math.ceil(math.log10(table["value"].max()))
    bins = np.logspace(low, max(high, low + 1), 4 * max(high - low, 1) + 1)
    series = [table.loc[table["kind"] == kind, "value"].to_numpy() for kind in FACTOR_KINDS]
    axes.hist(series, bins=bins, label=list(FACTOR_KINDS), color=[OWN, ACCENT], stacked=True)
    axes.set_xscale("log")
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlabel("factor (x)")
    axes.set_ylabel("claims")
    axes.legend(fontsize=8)
    axes.set_title("Speedup and reduction factors", fontsize=10)
    axes.spines[["top", "right"]].set_visible(False)
    return figure


def size_score_chart(board: pd.DataFrame, title: str | None = None) -> Figure:
    """Scatter of model size (parameters, log axis) against score for a board's rows with a known size."""
    rows = board[board["model_size"].notna() & board["value"].notna()] if len(board) else board
    figure, axes = _figure(6.0, 4.0)
    if rows.empty:
        return _empty(figure, axes, "no results with a model size")
    sizes, values = rows["model_size"].astype(float).to_numpy(), rows["value"].astype(float).to_numpy()
    axes.scatter(sizes, values, color=OWN, zorder=3)
    for size, value, subject in zip(sizes, values, rows["subject"]):
        axes.annotate(label(subject or "", 24), (size, value), fontsize=7, xytext=(3, 3), textcoords="offset points")
    axes.set_xscale("log")
    axes.xaxis.set_major_locator(LogLocator(base=10))
    axes.xaxis.set_major_formatter(FuncFormatter(_parameters))
    axes.xaxis.set_minor_formatter(NullFormatter())
    axes.margins(0.15)
    axes.set_xlabel("parameters")
    axes.set_ylabel(label(_axis_name(board)))
    axes.set_title(f"{label(title or _board_name(board), 60)}: size vs score", fontsize=10)
    return figure


def _parameters(value: float, _position: object = None) -> str:
    return format_quantity(value, "parameter").removesuffix(" parameters")


def _count_bars(counts: pd.Series, title: str, xlabel: str) -> Figure:
    """Horizontal bars of ``counts`` (largest on top, then by name)."""
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))[:MAX_BARS]
    figure, axes = _figure(6.0, 1.2 + 0.3 * max(len(ordered), 1))
    if not ordered:
        return _empty(figure, axes, "nothing to count")
    positions = np.arange(len(ordered))[::-1]
    axes.barh(positions, [n for _, n in ordered], color=OWN)
    axes.set_yticks(positions, [label(k) for k, _ in ordered])
    for position, (_, n) in zip(positions, ordered):
        axes.text(n, position, f" {n}", va="center", fontsize=8)
    axes.margins(x=0.1)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlabel(xlabel)
    axes.set_title(title, fontsize=10)
    axes.spines[["top", "right"]].set_visible(False)
    return figure


def kinds_chart(claims: pd.DataFrame) -> Figure:
    """Bars of the number of claims of each kind."""
    table = claims_frame(claims)
    return _count_bars(table["kind"].dropna().value_counts(), "Claims per kind", "claims")


def hardware_chart(claims: pd.DataFrame) -> Figure:
    """Bars of how many papers name each device (hardware claims)."""
    table = hardware(claims)
    return _count_bars(pd.Series(table["papers"].to_numpy(), index=table["device"]), "Hardware named", "papers")


def claims_over_time_chart(claims: pd.DataFrame) -> Figure:
    """Claims per month of their paper's date (per year when the dates span more than three years)."""
    table = claims_frame(claims)
    when = _dates(table["date"]).dropna()
    figure, axes = _figure(7.0, 3.5)
    if when.empty:
        return _empty(figure, axes, "no dated claims")
    yearly = (when.max() - when.min()).days > 3 * 366
    periods = when.dt.to_period("Y" if yearly else "M").value_counts()
    periods = periods.reindex(pd.period_range(periods.index.min(), periods.index.max()), fill_value=0)
    periods.index = periods.index.strftime("%Y" if yearly else "%Y-%m")
    positions = np.arange(len(periods))
    axes.bar(positions, periods.to_numpy(), color=OWN)
    step = max(1, len(periods) // 12)
    axes.set_xticks(positions[::step], list(periods.index[::step]), rotation=45, ha="right")
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_ylabel("claims")
    axes.set_title(f"Claims per {'year' if yearly else 'month'} of paper date", fontsize=10)
    axes.spines[["top", "right"]].set_visible(False)
    return figure


def figure_svg(figure: Figure) -> str:
    """The figure as SVG text, identical for identical figures (fixed hash salt and ids, no date)."""
    buffer = io.StringIO()
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from", category=UserWarning)
        with matplotlib.rc_context(SVG_SETTINGS):
            figure.savefig(buffer, format="svg", metadata=SVG_METADATA)
    return buffer.getvalue()


def figure_png(figure: Figure) -> bytes:
    """The figure as PNG bytes without a software stamp."""
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from", category=UserWarning)
        figure.savefig(buffer, format="png", metadata=PNG_METADATA)
    return buffer.getvalue()
