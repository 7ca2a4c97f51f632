"""Rule-based extraction of quantitative claims from ML paper abstracts."""

from .claim import Claim
from .core import extract
from .papers import read_corpus
from .table import extract_claims, quantity_series, with_quantity

__all__ = ["Claim", "extract", "extract_claims", "quantity_series", "read_corpus", "with_quantity"]
