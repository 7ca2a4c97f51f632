"""Names used for grouping: benchmarks and metrics in their catalogue
spelling, and any other name folded so that trivial spelling differences
("ResNet-50", "resnet50") fall into one group.

>>> benchmark_name("IN-1k"), benchmark_name("imagenet 1K")
('ImageNet', 'ImageNet')
>>> metric_name("Top-1 Acc"), metric_name(None)
('top-1 accuracy', 'score')
"""

from __future__ import annotations

import functools
import re

import pandas as pd

from extractor.rules import canonical_benchmark, canonical_metric, load_benchmarks, load_metrics

NO_METRIC = "score"  # the metric of a score claim that names a benchmark but no metric
_FOLD = re.compile(r"[\s\-_]+")
_SPACES = re.compile(r"\s+")


def fold(name: object) -> str:
    """A grouping key: lower case, without spaces, hyphens and underscores (the claim spec's rule).

    >>> fold(" Image Net-1_K ")
    'imagenet1k'
    """
    return _FOLD.sub("", clean(name) or "").casefold()


def clean(name: object) -> str | None:
    """``name`` stripped, inner whitespace collapsed; ``None`` for missing or blank values."""
    if name is None or (not isinstance(name, str) and pd.isna(name)):
        return None
    text = _SPACES.sub(" ", str(name)).strip()
    return text or None


@functools.cache
def _folded(kind: str) -> dict[str, str]:
    """Catalogue names by folded alias, for spellings the exact lookup misses."""
    if kind == "benchmark":
        return {fold(alias): name for alias, name in load_benchmarks().items()}
    return {fold(alias): metric.name for alias, metric in load_metrics().items()}


def benchmark_name(name: object) -> str | None:
    """The catalogue spelling of a benchmark, else the cleaned name; ``None`` when missing."""
    text = clean(name)
    if text is None:
        return None
    if text.lower() in load_benchmarks():
        return canonical_benchmark(text)
    return _folded("benchmark").get(fold(text), text)


def metric_name(name: object) -> str:
    """The catalogue spelling of a metric, else the cleaned name; ``NO_METRIC`` when missing."""
    text = clean(name)
    if text is None:
        return NO_METRIC
    if text.lower() in load_metrics():
        return canonical_metric(text)
    return _folded("metric").get(fold(text), text)


def merge_spellings(names: pd.Series) -> pd.Series:
    """Each name replaced by its group's spelling, groups being equal :func:`fold` keys.

    A group's spelling is its most frequent one, ties broken alphabetically, so
    the result does not depend on row order. Missing names stay missing.

    >>> merge_spellings(pd.Series(["ViT-B", "vit b", "ViT-B", None])).tolist()
    ['ViT-B', 'ViT-B', 'ViT-B', None]
    """
    cleaned = [clean(n) for n in names]
    counts: dict[str, int] = {}
    for name in cleaned:
        if name is not None:
            counts[name] = counts.get(name, 0) + 1
    chosen: dict[str, str] = {}
    for spelling in sorted(counts, key=lambda n: (-counts[n], n)):
        chosen.setdefault(fold(spelling), spelling)
    merged = [None if n is None else chosen[fold(n)] for n in cleaned]
    return pd.Series(merged, index=names.index, dtype=object)
