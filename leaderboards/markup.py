"""A small document model (headings, paragraphs, tables, charts, link lists)
rendered twice: GitHub Markdown and one self-contained HTML page.

Every string in a block is plain text and is escaped by the renderer:
``html.escape`` for HTML; for Markdown, ``& < >`` become entities and
Markdown punctuation (pipes, backticks, ``* _ [ ] $ ~ #`` and backslash) is
backslash-escaped, so paper text can neither break a table nor inject markup.

>>> md_text("a | b `c` <script>")
'a \\\\| b \\\\`c\\\\` &lt;script&gt;'
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|$~#])")
_MD_LINE_START = re.compile(r"^([-+=])|^(\d+)([.)])")  # would start a list or a heading underline
_SVG_PROLOG = re.compile(r"\A\s*<\?xml[^>]*\?>\s*(?:<!DOCTYPE[^>]*>\s*)?", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_ID_REFERENCE = re.compile(r'(\bid="|url\(#|href="#)')


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str | None = None  # a slug: [a-z0-9-] only


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Links:
    items: tuple[tuple[str, str], ...]  # (text, anchor slug)


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    quote_columns: frozenset[str] = field(default_factory=frozenset)  # cells shown as quotations


@dataclass(frozen=True)
class Chart:
    path: str  # relative to the report, e.g. "figures/claims-per-kind.svg"
    alt: str
    svg: str


Block = Heading | Paragraph | Links | Table | Chart


def _clean(text: object) -> str:
    value = "" if text is None else str(text)
    return _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


def md_text(text: object) -> str:
    """Plain text as Markdown inline text; newlines become ``<br>`` (valid inside table cells)."""
    escaped = _MD_SPECIAL.sub(r"\\\1", html.escape(_clean(text), quote=False))
    lines = [" ".join(line.split()) for line in escaped.split("\n")]
    return "<br>".join(line for line in lines if line)


def html_text(text: object) -> str:
    """Plain text as HTML text; newlines become ``<br>``."""
    lines = [html.escape(" ".join(line.split()), quote=True) for line in _clean(text).split("\n")]
    return "<br>".join(line for line in lines if line)


def _escape_start(match: re.Match) -> str:
    return f"\\{match[1]}" if match[1] else f"{match[2]}\\{match[3]}"


def _quoted(text: str, renderer) -> str:
    body = renderer(text)
    return f"“{body}”" if body else ""


def to_markdown(title: str, blocks: list[Block]) -> str:
    """The document as GitHub-flavoured Markdown."""
    out = [f"# {md_text(title)}", ""]
    for block in blocks:
        if isinstance(block, Heading):
            anchor = f'<a id="{block.anchor}"></a>\n\n' if block.anchor else ""
            out += [f"{anchor}{'#' * min(block.level, 6)} {md_text(block.text)}", ""]
        elif isinstance(block, Paragraph):
            out += [_MD_LINE_START.sub(_escape_start, md_text(block.text)), ""]
        elif isinstance(block, Links):
            out += [f"- [{md_text(text)}](#{anchor})" for text, anchor in block.items] + [""]
        elif isinstance(block, Table):
            out += _md_table(block) + [""]
        elif isinstance(block, Chart):
            out += [f"![{md_text(block.alt)}]({block.path})", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def _md_table(table: Table) -> list[str]:
    def cell(column: str, value: str) -> str:
        return _quoted(value, md_text) if column in table.quote_columns else md_text(value)

    lines = ["| " + " | ".join(md_text(c) for c in table.columns) + " |",
             "|" + "|".join(" --- " for _ in table.columns) + "|"]
    for row in table.rows:
        lines.append("| " + " | ".join(cell(c, v) for c, v in zip(table.columns, row)) + " |")
    return lines


STYLE = """
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; margin: 0; }
main { max-width: 1200px; margin: 0 auto; padding: 1rem 2rem 4rem; }
h1, h2, h3 { line-height: 1.25; } h2 { border-bottom: 1px solid #d0d7de; padding-bottom: .3rem; margin-top: 2.5rem; }
.scroll { overflow-x: auto; margin: 1rem 0; }
table { border-collapse: collapse; font-size: 13px; }
th, td { border: 1px solid #d0d7de; padding: 4px 8px; vertical-align: top; text-align: left; }
th { background: #f6f8fa; } tr:nth-child(even) td { background: #fbfcfd; }
td.quote { font-style: italic; color: #57606a; min-width: 24rem; }
figure { margin: 1rem 0; } figure svg { max-width: 100%; height: auto; }
figcaption { color: #57606a; font-size: 13px; }
nav ul { columns: 2; }
th { cursor: pointer; } th[aria-sort="ascending"]::after { content: " ▲"; } th[aria-sort="descending"]::after { content: " ▼"; }
#filter { position: sticky; top: 0; width: 100%; box-sizing: border-box; padding: 6px 8px; font-size: 14px; margin: .5rem 0; }
""".strip()
# Sorting by a column header and filtering every table's rows by a text: the page stays usable at
# hundreds of boards. The script reads only the page's own cells; it holds no paper text.
SCRIPT = """
document.querySelectorAll("table").forEach(function (table) {
  table.querySelectorAll("th").forEach(function (th, index) {
    th.addEventListener("click", function () {
      var down = th.getAttribute("aria-sort") === "ascending";
      table.querySelectorAll("th").forEach(function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", down ? "descending" : "ascending");
      var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
      var key = function (row) { var t = row.cells[index].textContent.trim(), n = parseFloat(t.replace(/[^0-9.eE+-]/g, ""));
        return isNaN(n) || !/^[^A-Za-z]*[0-9]/.test(t) ? t.toLowerCase() : n; };
      rows.sort(function (a, b) { var x = key(a), y = key(b), c = typeof x === typeof y ? (x < y ? -1 : x > y ? 1 : 0) : (typeof x === "number" ? -1 : 1);
        return down ? -c : c; });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
});
var filter = document.getElementById("filter");
filter.addEventListener("input", function () {
  var q = filter.value.toLowerCase();
  document.querySelectorAll("tbody tr").forEach(function (row) { row.hidden = q && row.textContent.toLowerCase().indexOf(q) < 0; });
});
""".strip()


def to_html(title: str, blocks: list[Block]) -> str:
    """The document as one self-contained HTML page (inline CSS, inline SVG charts)."""
    body = [f"<h1>{html_text(title)}</h1>",
            '<input id="filter" type="search" placeholder="Filter the rows of every table (benchmark, metric, model, paper ...)" aria-label="Filter rows">']
    n_charts = 0
    for block in blocks:
        if isinstance(block, Heading):
            level = min(block.level, 6)
            anchor = f' id="{html.escape(block.anchor)}"' if block.anchor else ""
            body.append(f"<h{level}{anchor}>{html_text(block.text)}</h{level}>")
        elif isinstance(block, Paragraph):
            body.append(f"<p>{html_text(block.text)}</p>")
        elif isinstance(block, Links):
            items = "".join(f'<li><a href="#{html.escape(a)}">{html_text(t)}</a></li>' for t, a in block.items)
            body.append(f"<nav><ul>{items}</ul></nav>")
        elif isinstance(block, Table):
            body.append(_html_table(block))
        elif isinstance(block, Chart):
            n_charts += 1
            svg = scoped_svg(_SVG_PROLOG.sub("", block.svg).strip(), f"chart{n_charts}-")
            body.append(f'<figure role="img" aria-label="{html_text(block.alt)}">{svg}'
                        f"<figcaption>{html_text(block.alt)}</figcaption></figure>")
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{html_text(title)}</title>\n<style>\n{STYLE}\n</style>\n</head>\n<body>\n<main>\n"
            + "\n".join(body) + f"\n</main>\n<script>\n{SCRIPT}\n</script>\n</body>\n</html>\n")


def scoped_svg(svg: str, prefix: str) -> str:
    """SVG markup with every id and id reference prefixed, so several charts can share one page.

    Only tags are rewritten, never text between them.

    >>> scoped_svg('<g id="a" clip-path="url(#p1)">id="x"</g>', "c1-")
    '<g id="c1-a" clip-path="url(#c1-p1)">id="x"</g>'
    """
    return _TAG.sub(lambda tag: _ID_REFERENCE.sub(lambda ref: ref[1] + prefix, tag[0]), svg)


def _html_table(table: Table) -> str:
    head = "".join(f"<th>{html_text(c)}</th>" for c in table.columns)
    rows = []
    for row in table.rows:
        cells = []
        for column, value in zip(table.columns, row):
            if column in table.quote_columns:
                cells.append(f'<td class="quote">{_quoted(value, html_text)}</td>')
            else:
                cells.append(f"<td>{html_text(value)}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return f'<div class="scroll"><table><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
