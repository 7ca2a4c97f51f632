"""Shared fixtures: the bundled corpus, read once per session."""

import pytest

from extractor.papers import read_corpus


@pytest.fixture(scope="session")
def bundled():
    """``(papers, problems, records_read)`` of the bundled corpus."""
    return read_corpus()
