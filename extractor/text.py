"""Unicode normalization of abstract text, before any rule sees it.

LaTeX is deliberately left alone here: the extractor reads ``$6.49 \\times$``
itself, and the papers table keeps the text the paper wrote.
"""

import unicodedata

import regex

# Spaces that are not U+0020 (no-break, thin, narrow, figure, ideographic...).
_ODD_SPACES = regex.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_ZERO_WIDTH = regex.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"}
_LIGATURE_RE = regex.compile("[" + "".join(_LIGATURES) + "]")
_RUNS_OF_SPACE = regex.compile(r"[ \t]+")


def normalize_text(text: str) -> str:
    """Return ``text`` in NFC with odd spaces, zero-width marks and ligatures made plain.

    >>> normalize_text("e\\u0301 \\ufb01ne\\u00a0tuning\\u2009x")
    'é fine tuning x'
    """
    if not text.isascii():  # the Unicode steps can only change non-ASCII text
        text = unicodedata.normalize("NFC", text)
        text = _ZERO_WIDTH.sub("", text)
        text = _ODD_SPACES.sub(" ", text)
        text = _LIGATURE_RE.sub(lambda m: _LIGATURES[m.group()], text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "  " in text or "\t" in text:
        text = _RUNS_OF_SPACE.sub(" ", text)
    return text.strip()
