"""The regex fragments built from word lists: a trie-factored alternation matches what the
plain longest-first alternation matches."""

import pytest
import regex

from extractor.lexicon import alternation, trie_alternation

WORDS = ["GPU hours", "GPU hour", "GPU", "GB", "G", "min", "mins", "ms", "x", "×", "-fold", "fold", "tokens/s", "%"]


@pytest.mark.parametrize("text", [
    "GPU hours later", "GPU hour.", "GPUs", "GB of", "G", "mins", "min", "ms", "x10", "×", "-fold", "fold",
    "tokens/s", "tokens", "%", "", "Q", "GPU hoursx",
])
@pytest.mark.parametrize("tail", ["", r"(?![\p{L}\p{N}])"])
def test_trie_alternation_matches_like_alternation(text, tail):
    flat, trie = regex.compile(f"(?:{alternation(WORDS)}){tail}"), regex.compile(f"(?:{trie_alternation(WORDS)}){tail}")
    expected, found = flat.match(text), trie.match(text)
    assert (found and found.span()) == (expected and expected.span())
