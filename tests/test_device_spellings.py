"""Every device spelling of `cases/device_spellings.tsv` is read as its catalogue device (one line a case)."""

import csv
from pathlib import Path

import pytest

from extractor import extract
from extractor.evaluate import field_right

TABLE = Path(__file__).parent / "cases" / "device_spellings.tsv"
ROWS = list(csv.DictReader([line for line in TABLE.read_text(encoding="utf-8").splitlines() if not line.startswith("#")],
                           delimiter="\t"))


@pytest.mark.parametrize("spelling, device", [(r["spelling"], r["device"]) for r in ROWS],
                         ids=[r["spelling"] for r in ROWS])
def test_device_spelling(spelling, device):
    found = [c.value for c in extract(f"We run the model on {spelling}.") if c.kind == "hardware"]
    assert len(found) == 1 and field_right(found[0], device), found


def test_the_table_is_large():
    assert len(ROWS) >= 150
