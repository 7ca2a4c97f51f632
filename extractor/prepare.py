"""Rewrite LaTeX and Unicode notation into one plain spelling the scanner
reads, keeping a map back to the original offsets so every claim's span
points into the text as the paper wrote it."""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass

import regex

_STYLES = "mathbf|text|textbf|mathrm|textit|emph|textsc|texttt|textrm|underline|mathit|mathsf|boldsymbol|bm"
# (pattern, replacement): math markup to plain symbols. Order matters: longer first.
REWRITES: list[tuple[str, str]] = [
    (r"(?<![\d.])(\d+(?:\.\d+)?)\s*(?:\\times|×|x)\s*10\^\{?([+-]?\d{1,3})\}?", r"\1e\2"),  # 2 \times 10^{9}
    (r"\$\\sim\$", "~"), (r"\$\\approx\$", "~"), (r"\$\\times\$", "×"),
    (r"\$>\$", ">"), (r"\$<\$", "<"), (r"\$\\geq?\$", "≥"), (r"\$\\leq?\$", "≤"),
    (r"\\times", "×"), (r"\\sim", "~"), (r"\\approx", "~"), (r"\\geq?\b", "≥"), (r"\\leq?\b", "≤"),
    (r"\\%", "%"), (r"\\pm", "±"), (r"\\,|\\;|\\!|\\ ", ""),
    # Type style around a number or a name: "\textbf{87.8}", "{\bf 59.1}"; the brace that closes it goes too.
    (rf"\\(?:{_STYLES})\{{|\{{\\(?:bf|em|it|sc|tt)\s+", ""),
    (rf"\}}(?<=(?:\\(?:{_STYLES})\{{|\{{\\(?:bf|em|it|sc|tt)\s)[^{{}}]{{0,200}}\}})", ""),
    (r"\\space\b", " "), (r"\^\{?\\circ\}?|\\degree\b", "°"), (r"\^\{([^{}$]{0,12})\}", r"^\1"), (r"(?<=\d)\{,\}(?=\d)", ","),
    (r"\$+", ""), (r"[∼≈]", "~"), (r"[–—−]", "-"), (r"⩾", "≥"), (r"⩽", "≤"),
    (r"``|''|[“”]", '"'), (r"[‘’]", "'"),
    # LaTeX's tie between two words ("38.4~mm", "of~0.485"); "about ~5%" (a space before it) stays approximate
    (r"(?<=[\p{L}\p{N}.,:;)}])~(?=[\p{L}\p{N}\\])", " "),
]
_REWRITE_RE = regex.compile("|".join(f"(?P<r{i}>{p})" for i, (p, _) in enumerate(REWRITES)), regex.V1)
# What some rewrite starts with: a cheap pre-check (str `in` is several times faster than a regex scan).
_TRIGGERS = ("$", "\\", "^", "``", "''", "{,}", "~")
_UNICODE_TRIGGERS = tuple("∼≈–—−⩾⩽“”‘’")  # looked for only in text that is not all ASCII
_PARTS = [regex.compile(p, regex.V1) for p, _ in REWRITES]


@dataclass(frozen=True)
class Prepared:
    """The rewritten text and where each rewrite came from."""

    original: str
    text: str
    # One (new_start, new_end, old_start, old_end) per rewrite, in text order.
    segments: tuple[tuple[int, int, int, int], ...]

    def _map(self, pos: int, is_end: bool) -> int:
        i = bisect.bisect_right(self._starts, pos - 1 if is_end else pos) - 1
        if i < 0:
            return pos
        new_start, new_end, old_start, old_end = self.segments[i]
        if pos < new_end or (is_end and pos == new_end):
            return old_end if is_end else old_start
        return old_end + (pos - new_end)

    @functools.cached_property
    def _starts(self) -> list[int]:
        return [seg[0] for seg in self.segments]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the rewritten text to a span of the original."""
        if not self.segments:
            return start, end
        s = self._map(start, False)
        return s, max(self._map(end, True), s)


def _replacement(match: regex.Match) -> str:
    i = int(match.lastgroup[1:])  # the rewrite's own group closes last
    repl = REWRITES[i][1]
    return _PARTS[i].fullmatch(match.group()).expand(repl) if "\\" in repl else repl


def prepare(text: str) -> Prepared:
    """Rewrite ``text`` for scanning; spans map back with ``Prepared.to_original``."""
    if not (any(t in text for t in _TRIGGERS) or (not text.isascii() and any(t in text for t in _UNICODE_TRIGGERS))) \
            or not _REWRITE_RE.search(text):
        return Prepared(text, text, ())
    out, segments, last, length = [], [], 0, 0
    for m in _REWRITE_RE.finditer(text):
        out.append(text[last : m.start()])
        length += m.start() - last
        repl = _replacement(m)
        out.append(repl)
        segments.append((length, length + len(repl), m.start(), m.end()))
        length += len(repl)
        last = m.end()
    out.append(text[last:])
    return Prepared(text, "".join(out), tuple(segments))


def widen_to_math(original: str, start: int, end: int) -> tuple[int, int]:
    """Include the ``$`` delimiters around a quantity written in math mode."""
    if start > 0 and original[start - 1] == "$" and original.count("$", start, end) == 0:
        close = original.find("$", end, end + 3)
        if close != -1 and not original[end:close].strip():
            return start - 1, close + 1
    return start, end
