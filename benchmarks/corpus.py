"""Deterministic benchmark corpora: the bundled abstracts, and copies of them
with every number varied (seeded), at 10x and 100x."""

from __future__ import annotations

import functools
import random

import pandas as pd
import regex

from extractor.papers import content_id, read_corpus

NUMBER = regex.compile(r"\d+(?:\.\d+)?")


@functools.cache
def seed_papers() -> pd.DataFrame:
    """The bundled corpus's papers table."""
    return read_corpus()[0]


def _vary(text: str, rng: random.Random) -> str:
    def swap(m):
        digits = m.group()
        return "".join(str(rng.randint(1, 9)) if c.isdigit() else c for c in digits)
    return NUMBER.sub(swap, text)


@functools.cache
def scaled_papers(factor: int) -> pd.DataFrame:
    """``factor`` copies of the seed papers, the copies' numbers varied with a fixed seed."""
    base = seed_papers()
    if factor == 1:
        return base
    rng = random.Random(factor)
    rows = []
    for copy in range(factor):
        for paper in base.itertuples(index=False):
            text = paper.text if copy == 0 else _vary(paper.text, rng)
            rows.append({"paper_id": content_id(f"{copy}:{text}"), "title": paper.title, "date": paper.date, "text": text})
    return pd.DataFrame(rows)


def megabytes(papers: pd.DataFrame) -> float:
    """Size of the abstracts' text in MB (UTF-8)."""
    return sum(len(t.encode()) for t in papers.text) / 1e6
