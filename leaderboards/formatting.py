"""Numbers and quantities as report text.

>>> format_number(84.30000000000001), format_number(0.5), format_number(1234.5)
('84.3', '0.5', '1,234.5')
>>> display_value(60.0, "%", "lower"), display_value(37.6, None, "approx")
('>= 60%', '~37.6')
>>> format_quantity(7e9, "parameter"), format_quantity(3.4e9, "byte"), format_quantity(5, "GPU_hour")
('7B parameters', '3.4 GB', '5 GPU hours')
"""

from __future__ import annotations

import functools

import math

import pandas as pd

QUALIFIER_PREFIX = {"exact": "", "approx": "~", "max": "up to ", "mean": "avg ", "lower": ">= ", "upper": "<= "}
_DECIMAL = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")]
_BYTES = [(1e15, "PB"), (1e12, "TB"), (1e9, "GB"), (1e6, "MB"), (1e3, "KB")]
_FLOPS = [(1e24, "YFLOP"), (1e21, "ZFLOP"), (1e18, "EFLOP"), (1e15, "PFLOP"), (1e12, "TFLOP"), (1e9, "GFLOP"),
          (1e6, "MFLOP")]
_NOUNS = {"parameter": "parameters", "token": "tokens", "sample": "samples", "count": "", "hour": "hours",
          "GPU_hour": "GPU hours", "second": "s", "1/second": "/s", "joule": "J", "watt": "W", "point": "points"}


def missing(value: object) -> bool:
    """True for ``None``, NaN and ``pd.NA``."""
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def format_number(value: object) -> str:
    """A number with at most four decimals, thousands separated; ``""`` when missing."""
    if missing(value):
        return ""
    number = float(value)
    if number != 0 and abs(number) < 0.01:
        return f"{number:.3g}"
    text = f"{number:,.4f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _scaled(value: float, scales: list[tuple[float, str]]) -> tuple[str, str]:
    for factor, prefix in scales:
        if abs(value) >= factor:
            return format_number(value / factor), prefix
    return format_number(value), ""


def format_quantity(value: object, unit: object) -> str:
    """``value`` in ``unit`` written for people: "7B parameters", "3.4 GB", "1.7x", "60%"."""
    if missing(value):
        return ""
    number, unit = float(value), (None if missing(unit) else str(unit))
    if unit in ("x", "%"):
        return f"{format_number(number)}{unit}"
    if unit == "byte":
        text, prefix = _scaled(number, _BYTES)
        return f"{text} {prefix or 'bytes'}".strip()
    if unit == "FLOP":
        text, prefix = _scaled(number, _FLOPS)
        return f"{text} {prefix or 'FLOP'}"
    if unit in ("parameter", "token", "sample", "count"):
        text, prefix = _scaled(number, _DECIMAL)
        return f"{text}{prefix} {_NOUNS[unit]}".strip()
    noun = _NOUNS.get(unit or "", unit or "")
    return f"{format_number(number)} {noun}".strip() if not noun.startswith("/") else f"{format_number(number)}{noun}"


def display_value(value: object, unit: object, qualifier: object, low: object = None, high: object = None) -> str:
    """A score or factor with its qualifier: ">= 60%", "~37.6", "up to 2.1x", "60–70%" for a range."""
    suffix = unit if unit in ("x", "%") else ""
    prefix = QUALIFIER_PREFIX.get("" if missing(qualifier) else str(qualifier), "")
    if missing(value):
        if missing(low) or missing(high):
            return ""
        return f"{prefix}{format_number(low)}–{format_number(high)}{suffix}"
    return f"{prefix}{format_number(value)}{suffix}"


def display_quantity(value: object, unit: object, qualifier: object, low: object = None, high: object = None) -> str:
    """A size, budget or factor with its qualifier: "~7B parameters", "1B–8B parameters"."""
    prefix = QUALIFIER_PREFIX.get("" if missing(qualifier) else str(qualifier), "")
    if missing(value):
        if missing(low) or missing(high):
            return ""
        return f"{prefix}{format_quantity(low, unit)} – {format_quantity(high, unit)}"
    return f"{prefix}{format_quantity(value, unit)}"


def geometric_mean(values: list[float]) -> float:
    """The geometric mean of positive numbers; NaN when there are none."""
    positive = [v for v in values if v > 0]
    if not positive:
        return math.nan
    return math.exp(sum(math.log(v) for v in positive) / len(positive))


@functools.cache
def _latex_converter():
    from pylatexenc.latex2text import LatexNodes2Text
    return LatexNodes2Text(math_mode="text", strict_latex_spaces=True)


def readable(text: str) -> str:
    """A sentence as a reader sees it: LaTeX markup rendered by pylatexenc ("\\textbf{87.8\\%}" ->
    "87.8%", "$\\times$" -> "×", "\\pm" -> "±"); text that pylatexenc cannot parse is shown as written.

    >>> readable(r"reaches \\textbf{87.8\\%} and IS=8.81$\\pm$0.10, a $6.49\\times$ speedup")
    'reaches 87.8% and IS=8.81±0.10, a 6.49× speedup'
    """
    if "\\" not in text and "$" not in text and "~" not in text:
        return text
    try:
        return " ".join(_latex_converter().latex_to_text(text).split())
    except Exception:  # pylatexenc raises several error types on malformed input; the text stays readable as is
        return text
