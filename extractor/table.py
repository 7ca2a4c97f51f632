"""``extract_claims(papers) -> DataFrame``: the claims table, one row a claim,
with a unit-aware ``quantity`` column (pint-pandas)."""

from __future__ import annotations

import collections
import itertools
import sys

import pandas as pd
import pint_pandas

from .claim import CONTRACT_FIELDS, EXTENSION_FIELDS
from .core import extract
from .errors import ExtractionTimeout
from .units import pint_unit, registry

CLAIM_COLUMNS = ["paper_id"] + CONTRACT_FIELDS + EXTENSION_FIELDS + ["start", "end", "sentence", "rule"]
TABLE_COLUMNS = CLAIM_COLUMNS + ["arxiv_id", "title", "date"]
_DTYPES = {"value": "float64", "low": "float64", "high": "float64", "count": "Int64", "own": "boolean",
           "start": "int64", "end": "int64"}


def claims_rows(papers: pd.DataFrame, progress: bool = False, problems: list | None = None):
    """Yield one dict per claim of every paper, in paper order then text order.

    In the table ``value`` is numeric: a hardware claim's canonical device name
    is in its ``hardware`` column and its ``value`` is null.
    """
    rows = _paper_rows(papers) if isinstance(papers, pd.DataFrame) else papers
    if progress:
        from tqdm import tqdm
        rows = tqdm(rows, total=len(papers), unit="paper", file=sys.stderr, disable=len(papers) < 2000)
    for paper in rows:
        title = paper.title if isinstance(paper.title, str) else None
        try:
            found = extract(paper.text, title)
        except ExtractionTimeout as err:
            if problems is None:
                raise
            problems.append({"paper_id": paper.paper_id, "reason": str(err)})
            continue
        for claim in found:
            row = claim.to_dict()
            if claim.kind == "hardware":
                row["value"] = None
            row.update(paper_id=paper.paper_id, arxiv_id=getattr(paper, "arxiv_id", None), title=title,
                       date=getattr(paper, "date", None))
            yield row


def _paper_rows(papers: pd.DataFrame):
    """The papers as named tuples, from whole columns (iterating Arrow-backed columns row by row is slow)."""
    columns = [c for c in ("paper_id", "arxiv_id", "text", "title", "date") if c in papers]
    Paper = collections.namedtuple("Paper", columns)
    return itertools.starmap(Paper, zip(*(papers[c].tolist() for c in columns)))


def claims_frame(rows) -> pd.DataFrame:
    """A claims DataFrame from row dicts, with stable dtypes even when empty."""
    table = pd.DataFrame(list(rows), columns=TABLE_COLUMNS)
    for column, dtype in _DTYPES.items():
        table[column] = table[column].astype(dtype)
    table["date"] = table["date"].astype("object").where(table["date"].notna(), None)
    return table


def extract_claims(papers: pd.DataFrame) -> pd.DataFrame:
    """The claims table of a papers table (``paper_id``, ``text``, optional ``title``, ``date``)."""
    if "title" not in papers:
        papers = papers.assign(title=None)
    problems: list[dict] = []
    table = claims_frame(claims_rows(papers, problems=problems))
    table.attrs["problems"] = problems  # papers whose extraction hit the regex guard, with the reason
    return table


def with_quantity(claims: pd.DataFrame) -> pd.DataFrame:
    """Add ``quantity``: the value with its unit as a pint-pandas column per unit.

    pint-pandas holds one unit per column, so ``quantity`` is an object column of
    pint Quantities; select one kind first, then convert:
    ``claims.query("kind == 'model_size'")["quantity"].pint.to("billion_parameter")``
    works through :func:`quantity_series`.
    """
    ureg = registry()
    values = [ureg.Quantity(float(v), pint_unit(u)) if isinstance(v, (int, float)) and pint_unit(u) else None
              for v, u in zip(claims["value"], claims["unit"])]
    return claims.assign(quantity=pd.Series(values, index=claims.index, dtype="object"))


def quantity_series(claims: pd.DataFrame, unit: str | None = None) -> pd.Series:
    """The numeric claims of one unit as a pint-pandas Series (``.pint.to(...)`` works on it).

    >>> import pandas as pd
    >>> t = pd.DataFrame({"value": [2e7, 4.05e11], "unit": ["parameter", "parameter"]})
    >>> quantity_series(t).pint.to("billion_parameter").pint.magnitude.tolist()
    [0.02, 405.0]
    """
    units = claims["unit"].dropna().unique().tolist()
    unit = unit or (units[0] if len(units) == 1 else None)
    if unit is None or pint_unit(unit) is None:
        raise ValueError(f"select claims of one unit first (found {sorted(units)})")
    pint_pandas.PintType.ureg = registry()
    values = pd.to_numeric(claims.loc[claims["unit"] == unit, "value"], errors="coerce").astype("float64")
    return values.astype(f"pint[{pint_unit(unit)}]")
