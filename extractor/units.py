"""The one pint registry of the project, built from ``data/units.txt``.

Build it once, import it everywhere. It holds only our own definitions, so
it builds in milliseconds and never reads "7 B" as bytes.
"""

from __future__ import annotations

import functools

import pint

from .rules import DATA

# Canonical units of the claims contract, as pint expressions of this registry.
CONTRACT_UNITS = {
    "x": "x", "%": "percent", "point": "point", "parameter": "parameter", "token": "token",
    "sample": "sample", "byte": "byte", "hour": "hour", "GPU_hour": "GPU_hour", "FLOP": "FLOP",
    "second": "second", "1/second": "1/second", "joule": "joule", "watt": "watt", "count": "count",
}


@functools.cache
def registry() -> pint.UnitRegistry:
    """The project's registry: pint's base SI units plus ``data/units.txt``."""
    ureg = pint.UnitRegistry(filename=None, cache_folder=None)
    for line in _BASE_DEFINITIONS + (DATA / "units.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            ureg.define(line)
    return ureg


_BASE_DEFINITIONS = [
    "second = [time] = s = sec",
    "minute = 60 * second = min",
    "hour = 60 * minute = h = hr",
    "day = 24 * hour = d",
    "meter = [length] = m",
    "gram = [mass] = g",
    "joule = kilogram * meter ** 2 / second ** 2 = J",
    "watt = joule / second = W",
    "kilo- = 1e3 = k-",
    "mega- = 1e6 = M-",
    "giga- = 1e9 = G-",
    "milli- = 1e-3 = m-",
    "micro- = 1e-6 = u-",
    "kibi- = 2**10 = Ki-",
    "mebi- = 2**20 = Mi-",
    "gibi- = 2**30 = Gi-",
    "bit = [information]",
    "byte = 8 * bit = B",
    "percent = 0.01 = %",
]


def pint_unit(unit: str | None) -> str | None:
    """The pint expression for a contract unit (``%`` -> ``percent``), or None."""
    return CONTRACT_UNITS.get(unit) if unit else None
