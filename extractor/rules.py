"""Loading the rule data files: each CSV has a ``#`` header describing its
columns, is validated when loaded, and is read once."""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import RuleFileError

DATA = Path(__file__).resolve().parent / "data"


def read_rows(name: str, required: tuple[str, ...]) -> list[dict[str, str]]:
    """Rows of ``data/NAME`` as dicts; comment lines are skipped; ``required`` columns must be filled."""
    path = DATA / name
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [(n, s) for n, s in enumerate(handle, start=1) if s.strip() and not s.lstrip().startswith("#")]
    reader = csv.DictReader(s for _, s in lines)
    rows = []
    for (number, _), row in zip(lines[1:], reader):
        if None in row or any(not (row.get(c) or "").strip() for c in required):
            raise RuleFileError(f"{path.name}:{number}: needs {', '.join(required)} (got {dict(row)})")
        rows.append({k: (v or "").strip() for k, v in row.items()})
    return rows


# Each catalogue: the hand-written file first (its rows win), then the rows mined from
# Papers with Code annotations by tools/mine_vocabularies.py.
CATALOGUE_FILES = {"metrics": ("metrics.csv", "metrics-pwc.csv"), "benchmarks": ("benchmarks.csv", "benchmarks-pwc.csv")}


def catalogue_rows(kind: str, required: tuple[str, ...]) -> list[dict[str, str]]:
    """The rows of every file of a catalogue ("metrics", "benchmarks"), hand-written rows first."""
    return [row for name in CATALOGUE_FILES[kind] for row in read_rows(name, required)]


def aliases(row: dict[str, str], *names: str) -> list[str]:
    """The row's canonical name(s) and its ``|``-separated aliases."""
    found = [row[n] for n in names if row.get(n)]
    return found + [a.strip() for a in row.get("aliases", "").split("|") if a.strip()]


@dataclass(frozen=True)
class Metric:
    name: str
    direction: str  # higher | lower | unknown
    aliases: tuple[str, ...]


@functools.cache
def load_metrics() -> dict[str, Metric]:
    """Metrics by lower-cased alias (canonical names included)."""
    table = {}
    for row in catalogue_rows("metrics", ("name", "direction")):
        if row["direction"] not in ("higher", "lower", "unknown"):
            raise RuleFileError(f"metrics.csv: {row['name']}: direction must be higher, lower or unknown")
        metric = Metric(row["name"], row["direction"], tuple(aliases(row, "name")))
        for alias in metric.aliases:
            table.setdefault(alias.lower(), metric)
    return table


@functools.cache
def load_benchmarks() -> dict[str, str]:
    """Canonical benchmark name by lower-cased alias."""
    table = {}
    for row in catalogue_rows("benchmarks", ("name",)):
        for alias in aliases(row, "name"):
            table.setdefault(alias.lower(), row["name"])
    return table


@dataclass(frozen=True)
class Device:
    name: str
    vendor: str
    device_class: str
    memory: str


SEPARATOR = re.compile(r"([ -])")


def separator_variants(alias: str) -> list[str]:
    """A device name with each space or hyphen written as a space or a hyphen, or as nothing beside a
    digit ("RTX 2080 Ti", "RTX 2080-Ti", "RTX2080Ti", "Jetson-AGX-Orin"): papers write model numbers
    every way. Names shorter than 6 characters or with more than 3 separators are kept as written."""
    parts = SEPARATOR.split(alias)
    if len(alias) < 6 or not 1 <= len(parts) // 2 <= 3:
        return [alias]
    words, variants = parts[::2], [""]
    for i, word in enumerate(words):
        joined = i and (word[:1].isdigit() or words[i - 1][-1:].isdigit())  # "RTX2080Ti", not "JetsonOrin"
        variants = [v + sep + word for v in variants for sep in ((" ", "-", "") if joined else (" ", "-") if i else ("",))]
    return [alias] + [v for v in variants if v != alias]


@functools.cache
def device_rows() -> tuple[tuple[dict[str, str], tuple[str, ...]], ...]:
    """Each hardware.csv row with every spelling it is matched by (its aliases and their separator
    variants); built once for both the name automaton and the device look-up."""
    return tuple((row, tuple(v for a in aliases(row, "name") for v in separator_variants(a)))
                 for row in read_rows("hardware.csv", ("name", "vendor", "class")))


@functools.cache
def load_hardware() -> dict[str, Device]:
    """Devices by lower-cased spelling (canonical names and aliases included)."""
    table = {}
    for row, spellings in device_rows():
        device = Device(row["name"], row["vendor"], row["class"], row["memory"])
        for alias in spellings:
            table.setdefault(alias.lower(), device)
    return table


@functools.cache
def benchmark_tasks() -> dict[str, str]:
    """What each hand-listed benchmark evaluates ("image classification"), by canonical name."""
    return {row["name"]: row["task"] for row in read_rows("benchmarks.csv", ("name",)) if row.get("task")}


def metric_direction(name: str | None) -> str:
    """``higher``, ``lower`` or ``unknown`` for a metric name or alias."""
    metric = load_metrics().get((name or "").lower())
    return metric.direction if metric else "unknown"


def canonical_metric(name: str | None) -> str | None:
    """The canonical spelling of a metric, or the name itself when unknown."""
    metric = load_metrics().get((name or "").lower())
    return metric.name if metric else name


def canonical_benchmark(name: str | None) -> str | None:
    """The canonical spelling of a benchmark, or the name itself when unknown."""
    return load_benchmarks().get((name or "").lower(), name)


@functools.cache
def usual_metrics() -> dict[str, str]:
    """Each benchmark's usual metric (canonical names), mined from Papers with Code annotations."""
    return {row["benchmark"]: row["metric"] for row in read_rows("usual_metrics-pwc.csv", ("benchmark", "metric"))}
