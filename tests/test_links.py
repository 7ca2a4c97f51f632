"""Every relative link of the README and the docs resolves to a file inside the repository."""

from pathlib import Path
from urllib.parse import unquote

import pytest
import regex

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), ROOT / "tests" / "gold" / "README.md",
             ROOT / "benchmarks" / "RESULTS.md", ROOT / "reports" / "README.md"]
LINK = regex.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
PATH_IN_CODE = regex.compile(r"`(\.\./[^`\s]+)`")  # a path outside the repository named in backticks


def relative_links(text: str) -> list[str]:
    links = [m.group(1) for m in LINK.finditer(text)]
    return [link for link in links if not regex.match(r"[a-z][a-z0-9+.-]*:|#", link)]


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_relative_links_resolve_inside_the_repository(document):
    text = document.read_text(encoding="utf-8")
    for link in relative_links(text):
        target = (document.parent / unquote(link.split("#")[0])).resolve()
        assert target.is_relative_to(ROOT), (document.name, link)
        assert target.exists(), (document.name, link)
    outside = [p for p in PATH_IN_CODE.findall(text) if not (document.parent / p).resolve().is_relative_to(ROOT)]
    assert outside == [], document.name


@pytest.mark.parametrize("text, links", [
    ("see [the docs](docs/claims.md) and ![a board](reports/x.svg)", ["docs/claims.md", "reports/x.svg"]),
    ("[site](https://example.org) [anchor](#top) [mail](mailto:a@b.c)", []),
    ("[a](<docs/a.md>) [b](docs/b.md \"title\") [c](../outside.md#part)", ["docs/a.md", "docs/b.md", "../outside.md#part"]),
])
def test_links_are_found(text, links):
    assert relative_links(text) == links
