"""Safe file names for report pieces named after paper text.

A slug is lower-case ASCII letters, digits and hyphens, never empty, at most
``MAX_SLUG`` characters. A name that is already such a slug is kept as it is;
any other name gets a short hash of the original appended, so two distinct
names never share a slug ("COCO" and "coco", "a/b" and "a-b").

>>> slugify("coco")
'coco'
>>> slugify("../../etc/passwd")
'etc-passwd-3754d6cb'
>>> slugify("")
'untitled-e3b0c442'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

MAX_SLUG = 64
HASH_LENGTH = 8
_SAFE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_UNSAFE_RUN = re.compile(r"[^a-z0-9]+")
_SUFFIX = re.compile(r"(?:\.[a-z0-9]{1,8}){1,2}")
# Device names Windows refuses as file stems, with or without an extension.
_RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))})


def _short_hash(name: str) -> str:
    return hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:HASH_LENGTH]


def slugify(name: object) -> str:
    """A safe, non-empty file stem for ``name`` (``[a-z0-9-]``, at most ``MAX_SLUG`` characters).

    >>> slugify("ImageNet-1k top-1 accuracy")
    'imagenet-1k-top-1-accuracy-d21b053d'
    >>> slugify("Ünïcödé") != slugify("Unicode")
    True
    """
    text = "" if name is None else str(name)
    if _SAFE.fullmatch(text) and len(text) <= MAX_SLUG and text not in _RESERVED:
        return text
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    stem = _UNSAFE_RUN.sub("-", ascii_text.lower()).strip("-") or "untitled"
    stem = stem[: MAX_SLUG - HASH_LENGTH - 1].rstrip("-")
    return f"{stem}-{_short_hash(text)}"


def safe_path(out_dir: str | Path, name: object, suffix: str) -> Path:
    """``out_dir / (slugify(name) + suffix)``, refusing any result outside ``out_dir``.

    ``suffix`` is an extension such as ``".svg"``; anything else raises ``ValueError``.

    >>> safe_path("out", "../x", ".svg").parent.name
    'out'
    """
    if not _SUFFIX.fullmatch(suffix):
        raise ValueError(f"unsafe file suffix {suffix!r}: use an extension such as '.svg'")
    root = Path(out_dir).resolve()
    path = (root / f"{slugify(name)}{suffix}").resolve()
    if path.parent != root:
        raise ValueError(f"{name!r} does not map to a file inside {root}")
    return path
