"""Copies of one paper, found from a compact key index rather than from the texts.

Two records are one paper when their texts are equal up to case, spacing and
punctuation, or when they share most of the shorter one's sentences
(``SHARED_SENTENCES``) and their titles do not disagree; copies are merged
transitively. A record is compared with the first record holding each of its
sentences (so one shared boilerplate sentence costs one comparison, not one per
paper that has it). Only fixed-size hashes are kept per record and
per sentence (about 40 bytes a sentence), so the same grouping runs on the
in-memory route and, in two passes over the input, on the streaming route:
both give the same papers in the same order.
"""

from __future__ import annotations

import hashlib
from array import array

import numpy as np
import regex

from .readers import Record

_NOT_ALNUM = regex.compile(r"[^\p{L}\p{N}]+")
_ASCII_NOT_ALNUM = bytes(b for b in range(128) if not (48 <= b <= 57 or 97 <= b <= 122))  # deleted by translate
_SENTENCE_END = regex.compile(r"(?<=[.!?])\s+(?=\p{Lu})")
MIN_SENTENCE_KEY = 40  # characters: shorter sentences are too generic to link two records
SHARED_SENTENCES = 0.6  # share of the shorter record's sentences that must recur in the longer


def text_key(text: str) -> str:
    """Lower-case letters and digits only: the identity of a text."""
    folded = text.casefold()
    if folded.isascii():  # the same result as the Unicode pattern, many times faster on ASCII
        return folded.encode("ascii").translate(None, _ASCII_NOT_ALNUM).decode("ascii")
    return _NOT_ALNUM.sub("", folded)


def _hash(key: str) -> int:
    """A signed 64-bit hash of a key (0 is kept for "no title")."""
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "little", signed=True) or 1


def sentence_keys(text: str) -> set[int]:
    """Hashes of the text's sentences long enough to identify it."""
    keys = (text_key(s) for s in _SENTENCE_END.split(text))
    return {_hash(k) for k in keys if len(k) >= MIN_SENTENCE_KEY}


class KeyIndex:
    """The keys of every record, in input order: text hash, title hash, and sentence hashes."""

    def __init__(self) -> None:
        self.text, self.title, self.n_sentences = array("q"), array("q"), array("i")
        self.sentence, self.holder = array("q"), array("i")

    def add(self, record: Record) -> None:
        """Index one record (the next in input order)."""
        index = len(self.text)
        keys = sorted(sentence_keys(record.text))
        self.text.append(_hash(text_key(record.text)))
        self.title.append(_hash(text_key(record.title)) if record.title else 0)
        self.n_sentences.append(len(keys))
        self.sentence.extend(keys)
        self.holder.extend([index] * len(keys))

    def groups(self) -> np.ndarray:
        """For each record, the index of the first record of its paper."""
        n = len(self.text)
        parent = np.arange(n)
        for a, b in self._copy_pairs():
            _union(parent, int(a), int(b))
        return np.array([_find(parent, i) for i in range(n)], dtype=np.int64)

    def _copy_pairs(self):
        text = np.frombuffer(self.text, dtype=np.int64) if len(self.text) else np.zeros(0, np.int64)
        _, first, inverse = np.unique(text, return_index=True, return_inverse=True)
        exact = first[inverse]
        yield from zip(exact[exact != np.arange(len(text))], np.flatnonzero(exact != np.arange(len(text))))
        if not len(self.sentence):
            return
        sentence = np.frombuffer(self.sentence, dtype=np.int64)
        holder = np.frombuffer(self.holder, dtype=np.int32).astype(np.int64)
        order = np.argsort(sentence, kind="stable")  # holders stay in input order within a sentence
        sentence, holder = sentence[order], holder[order]
        del order
        starts = np.r_[True, sentence[1:] != sentence[:-1]]
        first_holder = holder[np.flatnonzero(starts)[np.cumsum(starts) - 1]]
        shared = first_holder != holder
        pairs = np.unique(first_holder[shared] * len(text) + holder[shared])
        earlier, later = pairs // len(text), pairs % len(text)
        titles = np.frombuffer(self.title, dtype=np.int64)
        agree = (titles[earlier] == 0) | (titles[later] == 0) | (titles[earlier] == titles[later])
        ends = np.cumsum(np.frombuffer(self.n_sentences, dtype=np.int32))  # where each record's sentences end
        sentences = np.frombuffer(self.sentence, dtype=np.int64)
        yield from ((a, b) for a, b in zip(earlier[agree], later[agree])
                    if self._most_shared(sentences, ends, int(a), int(b)))

    def _most_shared(self, sentences: np.ndarray, ends: np.ndarray, a: int, b: int) -> bool:
        """Do two records share most of the shorter one's sentences?"""
        keys = [sentences[ends[r] - self.n_sentences[r]: ends[r]] for r in (a, b)]
        smaller = min(len(keys[0]), len(keys[1]))
        return smaller > 0 and len(np.intersect1d(keys[0], keys[1], assume_unique=True)) >= SHARED_SENTENCES * smaller


def _find(parent: np.ndarray, i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return int(i)


def _union(parent: np.ndarray, a: int, b: int) -> None:
    ra, rb = _find(parent, a), _find(parent, b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)  # the root is the paper's first record


def last_copies(groups: np.ndarray) -> np.ndarray:
    """For each record, whether it is the last copy of its paper (where the paper is emitted)."""
    last = np.full(len(groups), False)
    if len(groups):
        reversed_first = np.unique(groups[::-1], return_index=True)[1]
        last[len(groups) - 1 - reversed_first] = True
    return last
