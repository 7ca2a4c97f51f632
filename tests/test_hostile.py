"""Hostile and broken input: the extractor never raises, spans are honest, and
bad files are reported without losing the rest."""

import gzip
import math
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor import extract
from extractor.cli import main
from extractor.papers import read_corpus

CASES = Path(__file__).parent / "cases"
NOTATION = st.sampled_from(["1.70x", "$6.49 \\times$", "20M parameters", " on COCO", "60%", "~", "up to ", "(",
                            ")", "$", "\\%", "10-100X", ". ", "×", "≈", "between ", " and ", "GPU", "8 A100", "−"])
PROSE = st.lists(st.one_of(st.text(max_size=20), NOTATION), max_size=40).map("".join)


def check(text: str) -> None:
    for claim in extract(text):
        assert 0 <= claim.start <= claim.end <= len(text)
        assert text[claim.start : claim.end] == claim.surface
        for number in (claim.value, claim.low, claim.high):
            assert not isinstance(number, float) or math.isfinite(number)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(PROSE)
def test_extract_never_raises_and_spans_are_honest(text):
    check(text)


@settings(max_examples=150, deadline=None, derandomize=True)
@given(PROSE, st.text(max_size=60))
def test_claims_do_not_depend_on_what_follows_the_last_sentence(text, tail):
    text = text.rstrip() + "."
    before = [(c.kind, c.surface, c.start) for c in extract(text)]
    after = [(c.kind, c.surface, c.start) for c in extract(text + " " + tail) if c.start < len(text)]
    # claims of the abstract proper keep their kind and span whatever is appended after it
    assert {b[:2] for b in before} <= {a[:2] for a in after} | {b[:2] for b in before if b[0] in ("score", "improvement")}


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow],
          derandomize=not os.environ.get("FUZZ_FRESH"))
@given(PROSE, st.text(max_size=60))
def test_fuzz_at_volume(text, tail):
    """A fixed budget of 2,000 inputs (the same ones in CI; FUZZ_FRESH=1 draws new ones);
    what it finds goes into cases/fuzz_crashes.txt."""
    check(text + " " + tail)


def _fuzz_lines():
    lines = [s for s in (CASES / "fuzz_crashes.txt").read_text(encoding="utf-8").splitlines() if s and not s.startswith("#")]
    return [s.replace("\\n", "\n") for s in lines]


@pytest.mark.parametrize("text", _fuzz_lines())
def test_kept_crash_inputs(text):
    check(text)


def test_files_in_awkward_encodings(tmp_path):
    line = ("We propose FastNet, which is 2x faster than the baseline on image classification tasks "
            "and language modelling benchmarks across many settings and domains, and we release the code, "
            "the data and the trained models to the community.")
    (tmp_path / "crlf.txt").write_bytes((line + "\r\n" + line.replace("2x", "3x") + "\r\n").encode())
    (tmp_path / "utf16.txt").write_bytes((line + "\n").encode("utf-16"))  # with its BOM
    (tmp_path / "mixed.txt").write_bytes(line.encode() + b"\n" + line.replace("FastNet", "Caf\xe9Net").encode("latin-1") + b"\n")
    papers, problems, n = read_corpus([tmp_path])
    assert n == 5
    assert list(problems.reason) == ["line is not valid UTF-8; read as Windows-1252"]


def test_truncated_gzip_keeps_what_was_readable(tmp_path):
    line = "We propose FastNet, which is {}x faster than the baseline across many image and text benchmarks tested."
    data = gzip.compress("\n".join(line.format(i) for i in range(2, 400)).encode())
    (tmp_path / "cut.txt.gz").write_bytes(data[: len(data) // 2])
    papers, problems, n = read_corpus([tmp_path])
    assert n > 0 and "truncated" in problems.reason.iloc[0]


def test_unreadable_file_is_reported_and_the_rest_read(tmp_path, monkeypatch):
    abstract = "We propose FastNet, which is 3x faster than the baseline across many image and text benchmarks tested here."
    (tmp_path / "locked.txt").write_text(abstract)
    (tmp_path / "open.txt").write_text(abstract.replace("3x", "4x"))
    real = Path.read_bytes

    def read_bytes(path):
        if path.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(path)
    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    papers, problems, n = read_corpus([tmp_path])
    assert n == 1 and "cannot read file: Permission denied" in problems.reason.iloc[0]


def test_records_in_equal_papers_out_plus_skipped(tmp_path):
    abstract = "We propose FastNet, {} times faster than the baseline across many image and text benchmarks tested here."
    (tmp_path / "a.jsonl").write_text("\n".join(
        [f'{{"id": "{i}", "abstract": "{abstract.format(i)}"}}' for i in range(2, 12)] + ['{"id": "x"}', "{bad"]))
    papers, problems, n = read_corpus([tmp_path])
    assert n == len(papers) == 10 and len(problems) == 2


def test_strict_stops_at_the_first_bad_record(tmp_path):
    (tmp_path / "a.jsonl").write_text('{bad\n{"abstract": "We propose a method that is 3x faster than the baseline on many tasks."}\n')
    result = CliRunner().invoke(main, ["papers", "--strict", str(tmp_path)])
    assert result.exit_code != 0 and "a.jsonl:1" in result.output
    assert CliRunner().invoke(main, ["papers", str(tmp_path)]).exit_code == 0


def test_interrupted_write_leaves_previous_output(tmp_path, monkeypatch):
    from extractor import output
    target = tmp_path / "claims.csv"
    target.write_text("yesterday\n")

    def boom(*args, **kwargs):
        raise KeyboardInterrupt
    import pandas as pd
    monkeypatch.setattr(pd.DataFrame, "to_csv", boom)
    with pytest.raises(KeyboardInterrupt):
        output.write_table(pd.DataFrame({"a": [1]}), target)
    assert target.read_text() == "yesterday\n"
    assert list(tmp_path.iterdir()) == [target]


def test_rerun_gives_the_same_bytes(tmp_path):
    runner = CliRunner()
    for name in ("one.jsonl", "two.jsonl"):
        assert runner.invoke(main, ["extract", "-o", str(tmp_path / name)]).exit_code == 0
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()
