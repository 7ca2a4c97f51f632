"""The claim record: what was found, where, and which rule found it."""

from __future__ import annotations

from dataclasses import dataclass

CONTRACT_FIELDS = ["kind", "surface", "value", "low", "high", "unit", "qualifier", "subject", "baseline",
                   "benchmark", "metric", "aspect", "hardware", "count", "own"]
EXTENSION_FIELDS = ["split"]  # columns the project adds to the contract's (docs/claims-extensions.md)


@dataclass(frozen=True)
class Claim:
    """One quantitative claim, as the claims contract defines it, plus its span and rule."""

    kind: str
    surface: str
    value: float | str | None
    low: float | None
    high: float | None
    unit: str | None
    qualifier: str
    subject: str | None
    baseline: str | None
    benchmark: str | None
    metric: str | None
    aspect: str | None
    hardware: str | None
    count: int | None
    own: bool | None
    split: str | None  # the benchmark's split or variant ("test-dev", "val"): the project's extension
    start: int
    end: int
    sentence: str
    rule: str

    def to_dict(self) -> dict:
        """The claim as a plain dict, contract fields first (a shallow copy: every field is a scalar)."""
        return dict(vars(self))
