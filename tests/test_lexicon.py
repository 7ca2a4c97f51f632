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


def test_every_device_count_word_is_a_number_word():
    # find_devices tries its pattern only at candidate starts, which number words make
    from extractor.devices import WORD_COUNTS
    from extractor.lexicon import number_words
    assert set(WORD_COUNTS) <= set(number_words())


@pytest.mark.parametrize("text", [
    "on 8 GPUs and sixteen TPUs", "a single GPU", "One GPU, two CPUs", "1,024 GPUs for 3 GPU hours",
    "trained on 64 NVIDIA GPUs", "x 8 x GPU", "8x 80GB GPUs", "12.8 GPUs", "GPU", "a1 GPU 2 TPU",
])
def test_generic_devices_found_as_finditer_would(text):
    from extractor.devices import GENERIC_DEVICE, _generic_devices
    from extractor.scanner import candidate_starts
    expected = [m.span() for m in GENERIC_DEVICE.finditer(text)]
    assert [m.span() for m in _generic_devices(text, candidate_starts(text))] == expected


@pytest.mark.parametrize("text, expected", [
    ("We achieve 80.1% accuracy with the reds and aces of the deck.", None),   # not HiEve, REDS, ACES
    ("It reaches 31.2 PSNR on REDS.", "REDS"),
    ("We obtain 62.0% mIoU on Cityscapes test.", "Cityscapes"),
])
def test_short_mined_benchmarks_match_as_written(text, expected):
    from extractor import extract
    scores = [c for c in extract(text) if c.kind == "score"]
    assert scores and scores[0].benchmark == expected
