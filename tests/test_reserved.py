"""No paper reserved for independent evaluation is anywhere in the repository's inputs.

`reserved.tsv` (a copy of the team's `shared/external/reserved.tsv`) lists papers kept for
measuring the extractor independently: none may be in a gold set, a test case, an example
or a benchmark input. A title is found whatever its case, spacing and punctuation; an id
as a whole token.
"""

import gzip
from pathlib import Path

import pytest
import regex

ROOT = Path(__file__).parent.parent
LIST = Path(__file__).parent / "reserved.tsv"
TEAM_LIST = ROOT.parent / "shared" / "external" / "reserved.tsv"
SEARCHED = ["tests", "benchmarks", "extractor/corpus", "docs", "README.md"]
# The shipped external corpus has ids but no titles, and its abstracts may name a reserved paper's
# title as a phrase ("denoising diffusion probabilistic models"): it is searched for the ids.
SEARCHED_BY_ID = ["examples"]
_NOT_ALNUM = regex.compile(r"[^\p{L}\p{N}]+")


def fold(text: str) -> str:
    return _NOT_ALNUM.sub("", text.lower())


def reserved(path: Path = LIST) -> list[tuple[str, str]]:
    rows = [line.rstrip("\n").split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    return [(row[0], row[1]) for row in rows[1:]]


def searched_files(folders=SEARCHED) -> list[Path]:
    files = []
    for name in folders:
        path = ROOT / name
        files += [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    return [p for p in files if p not in (LIST, Path(__file__)) and "__pycache__" not in p.parts]


def id_pattern(papers):
    """Any reserved id as a whole token, with or without a version suffix."""
    return regex.compile(r"(?<![\w.])(?:" + "|".join(regex.escape(pid) for pid, _ in papers) + r")(?:v\d+)?(?!\w)")


def read(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return data.decode("utf-8", errors="replace")


def test_the_list_is_read():
    papers = reserved()
    assert len(papers) >= 80 and all(pid and title for pid, title in papers)


@pytest.mark.skipif(not TEAM_LIST.exists(), reason="the team's shared folder is not beside this clone")
def test_the_copy_is_the_teams_list():
    assert reserved() == reserved(TEAM_LIST)


def test_no_reserved_paper_in_tests_benchmarks_or_corpus():
    papers = reserved()
    ids = id_pattern(papers)
    titles = {fold(title): title for _, title in papers}
    found = []
    for path in searched_files():
        text = read(path)
        folded = fold(text)
        found += [(path.name, m.group()) for m in ids.finditer(text)]
        found += [(path.name, title) for key, title in titles.items() if key in folded]
    assert found == []


def test_no_reserved_id_in_the_shipped_corpora():
    ids = id_pattern(reserved())
    found = [(path.name, m.group()) for path in searched_files(SEARCHED_BY_ID) for m in ids.finditer(read(path))]
    assert found == []


@pytest.mark.parametrize("text, hit", [
    ("a copy of Attention Is All You Need in a case", True),
    ("ATTENTION is all-you-need", True),
    ("see arXiv 1706.03762v5", True),
    ("11706.037620 is another number", False),
])
def test_the_search_would_find_one(text, hit):
    papers = reserved()
    titles = {fold(title) for _, title in papers}
    ids = id_pattern(papers)
    assert (any(key in fold(text) for key in titles) or bool(ids.search(text))) is hit
