"""Readers and format detection, as tables of (input, expected) cases."""


import pytest

from extractor.papers import read_corpus
from extractor.readers import BUNDLED_CORPUS, Problem, Record, detect_format, read_file

ABSTRACT = ("We propose FastNet, a method that trains deep networks quickly. "
            "It reaches 2.1x speedup over the baseline on eight GPUs while keeping accuracy intact across tasks. "
            "Experiments on image classification and language modelling confirm the gains.")
OTHER = ("Graph neural networks are powerful tools for learning from structured data in many domains. "
         "We introduce GearNet, which runs 3x faster than earlier systems on large graphs and saves memory. "
         "Extensive evaluation on citation and social networks shows consistent improvements.")

# (file name, content, expected format, expected number of records, expected first title)
FORMAT_CASES = [
    ("pubs.txt", f"Doe, Jane\nFastNet: Quick Training\nDoe, Jane, Roe, Rick\n{ABSTRACT}\nGearNet\nRoe, Rick\n{OTHER}\n", "publist", 2, "FastNet: Quick Training"),
    ("labelled.txt", f"Jane\nAbstract:{ABSTRACT}\nAbstract: {OTHER}\n", "labelled", 2, None),
    ("daily.txt", f"new\n\nGet trending papers in your email inbox!\n\nDaily Papers\n\nOct 17\n\nFastNet: Quick Training\n\n{ABSTRACT}\n\n  • 4 authors\n·\nJul 3, 2024\n\nGearNet\n\n{OTHER}\n", "daily", 2, "FastNet: Quick Training"),
    ("lines.txt", f"{ABSTRACT}\n{OTHER}\n", "lines", 2, None),
    ("arxiv.jsonl", f'{{"id": "2401.00001", "title": "FastNet", "abstract": "{ABSTRACT}", "authors": "J. Doe", "update_date": "2024-01-02"}}\n', "jsonl", 1, "FastNet"),
    ("papers.csv", f'id,title,abstract\n7,FastNet,"{ABSTRACT}"\n8,GearNet,"{OTHER}"\n', "csv", 2, "FastNet"),
    ("papers.tsv", f"title\tabstract\nFastNet\t{ABSTRACT}\n", "csv", 1, "FastNet"),
    ("refs.bib", f"@article{{doe2024,\n  title = {{Fast{{N}}et: Quick {{\\\"U}}ber Training}},\n  author = {{Doe, Jane}},\n  year = {{2024}},\n  abstract = {{{ABSTRACT}}}\n}}\n", "bibtex", 1, "FastNet: Quick Über Training"),
    ("single.txt", f"FastNet: Quick Training\n\n{ABSTRACT}\n", "text", 1, "FastNet: Quick Training"),
]


@pytest.mark.parametrize("name, content, fmt, n_records, title", FORMAT_CASES, ids=[c[0] for c in FORMAT_CASES])
def test_reader(tmp_path, name, content, fmt, n_records, title):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert detect_format(path, content.splitlines()) == fmt
    items = list(read_file(path))
    records = [r for r in items if isinstance(r, Record)]
    assert [p for p in items if isinstance(p, Problem)] == []
    assert len(records) == n_records
    assert records[0].title == title
    assert records[0].text in (ABSTRACT, OTHER)


# (file content, abstracts read): a file of `Abstract:` lines with no name line, however short
ABSTRACT_LINE_CASES = [
    ("Abstract:We achieve a 2.5x speedup on the NVIDIA A100.\n", ["We achieve a 2.5x speedup on the NVIDIA A100."]),
    ("Abstract: Short one.\nAbstract -- Short two.\n", ["Short one.", "Short two."]),
    (f"Abstract: {ABSTRACT}\n", [ABSTRACT]),
]


@pytest.mark.parametrize("content, texts", ABSTRACT_LINE_CASES)
def test_abstract_lines_without_a_name_line(tmp_path, content, texts):
    path = tmp_path / "abstract.txt"
    path.write_text(content, encoding="utf-8")
    items = list(read_file(path))
    assert [r.text for r in items if isinstance(r, Record)] == texts
    assert [p for p in items if isinstance(p, Problem)] == []


def test_an_unknown_format_says_what_was_expected(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(b"%%%% ### 12 34\n")
    [problem] = [p for p in read_file(path) if isinstance(p, Problem)]
    assert problem.line == 1 and "expected JSON Lines" in problem.reason and "'Abstract:' lines" in problem.reason


# (file name, bytes, expected reason fragment, records still read)
BAD_CASES = [
    ("empty.txt", b"", "empty file", 0),
    ("blank.txt", b"\n\n  \n", "empty file", 0),
    ("noise.txt", b"%%%% ### 12 34\n", "no known format", 0),
    ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file", 0),
    ("bad.jsonl", f'{{"title": "A", "abstract": "{ABSTRACT}"}}\n{{"title": broken\n'.encode(), "malformed JSON", 1),
    ("noabs.jsonl", f'{{"title": "A", "abstract": "{ABSTRACT}"}}\n{{"title": "B"}}\n'.encode(), "no abstract", 1),
    ("latin1.txt", f"{ABSTRACT} caf\xe9\n".encode("latin-1"), "not valid UTF-8", 1),
    ("short.csv", f'title,abstract\nA,"{ABSTRACT}"\nB,\n'.encode(), "no abstract", 1),
]


@pytest.mark.parametrize("name, data, reason, n_records", BAD_CASES, ids=[c[0] for c in BAD_CASES])
def test_bad_input_is_reported_with_file_and_rest_still_read(tmp_path, name, data, reason, n_records):
    path = tmp_path / name
    path.write_bytes(data)
    items = list(read_file(path))
    problems = [p for p in items if isinstance(p, Problem)]
    assert any(reason in p.reason and p.file == str(path) for p in problems), problems
    assert sum(isinstance(r, Record) for r in items) == n_records


def test_malformed_json_names_its_line(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text(f'{{"abstract": "{ABSTRACT}"}}\n\n{{oops\n', encoding="utf-8")
    [problem] = [p for p in read_file(path) if isinstance(p, Problem)]
    assert problem.line == 3


SEED_COUNTS = [("000_7b719316941b72ca.txt", "publist", 6), ("001_a25ab82707f020fb.txt", "labelled", 7),
               ("002_518f712dcb147daf.txt", "daily", 174), ("003_00d6905c99699f98.txt", "daily", 38),
               ("004_6b824c521f825563.txt", "lines", 11)]


@pytest.mark.parametrize("name, fmt, count", SEED_COUNTS)
def test_seed_files(name, fmt, count):
    items = list(read_file(BUNDLED_CORPUS / name))
    assert all(isinstance(r, Record) and r.format == fmt for r in items)
    assert len(items) == count


def test_bundled_corpus_holds_230_unique_papers(bundled):
    papers, problems, n_records = bundled
    assert (n_records, len(papers), len(problems)) == (236, 230, 0)
    assert papers.paper_id.is_unique and papers.n_sources.sum() == 236


def test_copies_merge_with_best_metadata(bundled):
    papers = bundled[0]
    mulan = papers[papers.text.str.contains("MuLan, Multi-Language adapter")]
    assert len(mulan) == 1
    row = mulan.iloc[0]
    assert row.title.startswith("MuLan") and "Xing, Sen" in row.authors and row.n_sources == 2


def test_daily_dates_take_the_page_year(bundled):
    papers = bundled[0]
    dated = papers.dropna(subset=["date"])
    assert dated.date.str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
    assert "2025" in set(dated.date.str[:4])  # 'Mar 11' on a page whose latest printed year is 2024


def test_paper_ids_do_not_depend_on_file_order(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ABSTRACT + "\n", encoding="utf-8")
    b.write_text(OTHER + "\n", encoding="utf-8")
    forward = read_corpus([a, b])[0]
    backward = read_corpus([b, a])[0]
    assert sorted(forward.paper_id) == sorted(backward.paper_id)
    assert forward.paper_id.tolist() == backward.paper_id.tolist()[::-1]  # papers come in input order


def test_near_copies_are_one_paper_and_distinct_papers_are_not(tmp_path):
    path = tmp_path / "lines.txt"
    near = "Abstract--" + ABSTRACT.replace("deep networks", "deep-networks") + " " + "We also release code and data."
    path.write_text("\n".join([ABSTRACT, near, OTHER]) + "\n", encoding="utf-8")
    papers = read_corpus([path])[0]
    assert len(papers) == 2


@pytest.mark.parametrize("line, title", [
    (f'{{"title": NaN, "abstract": "{ABSTRACT}"}}', None),      # pandas writes a missing title as NaN
    (f'{{"title": 42, "abstract": "{ABSTRACT}"}}', None),
    (f'{{"title": " FastNet ", "abstract": "{ABSTRACT}"}}', "FastNet"),
])
def test_a_title_that_is_not_text_is_no_title(tmp_path, line, title):
    path = tmp_path / "t.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    [record] = [r for r in read_file(path) if isinstance(r, Record)]
    assert record.title == title
