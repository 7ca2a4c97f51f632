"""Hardware claims: each named device from the catalogue, and each counted
unnamed GPU/TPU/CPU ("64 GPUs", "a single GPU")."""

from __future__ import annotations


import regex

from . import lexicon
from .classify import NAME_NUMBER_BEFORE  # "Quadro 4000", "the Atari 2600": a name's number
from .rules import load_hardware
from .scanner import candidate_starts

COUNT = r"(?<![\d,.])(?P<count>\d{1,3}(?:,\d{3}){1,3}|\d{1,6}|(?i:a single|single|one|two|three|four|five|six|seven|eight|nine|ten|twelve|sixteen|dual|quad)\b)\s*(?:[x×]|times)?\s*(?:\d{1,4}\s?GB\s+)?"


PREFIX = regex.compile(rf"(?:{COUNT})?(?:(?:NVIDIA|Nvidia|NVidia|Google|AMD|Apple|Intel|Huawei)\s+)?$")
SUFFIX = regex.compile(r"\s+(?:GPU|TPU|chip|card)s?\b")


NOT_A_MACHINE = r"(?![\s-]+(?:learning|translation|vision|reading|hours?|learned|generated))"  # "machine(-)learning", "server hours"
GENERIC_DEVICE = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}])(?:{COUNT})-?(?:[a-z][a-z-]{{2,20}}\s+)?(?:(?:NVIDIA|AMD|Intel|Google)\s+)?"
    r"(?:(?P<class>GPU|TPU|CPU|NPU)s?\b(?![\s-]*(?:hours?|days?|memory|generations?|architectures?|types?|vendors?|families|kinds?|models?|-))"
    r"|(?<=\d-|\d\s)(?P<node>node)\b(?![\s-]*hours?)(?(?<=\d\snode)(?=\s+(?:cluster|system|setup|deployment|testbed)s?\b))"
    r"|(?<=\d\s)(?P<nodes>nodes)\b(?![\s-]*hours?)"
    rf"|(?<!(?:million|billion|thousand|graph)\s+)(?P<machine>server|machine)s?\b{NOT_A_MACHINE})")
_MACHINE_WORDS = regex.compile(rf"\d[\s-]node\b|\d\snodes\b|\b(?:server|machine)s?\b{NOT_A_MACHINE}")
# "64 nodes" are machines where the sentence speaks of compute, and no graph's nodes ("2.4M nodes and 61M edges")
COMPUTE_WORDS = regex.compile(r"\b(?:[GTCN]PUs?|cluster|servers?|machines?|accelerators?|supercomputer|distributed)\b", regex.I)
GRAPH_WORDS = regex.compile(r"\b(?:graphs?|edges?|vertices|vertex|trees?|neurons?|hidden)\b", regex.I)
WORD_COUNTS = {"a single": 1, "single": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
               "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "sixteen": 16}
# Count words read only before a named device ("dual RTX 4090 GPUs"): not number words elsewhere ("dual encoder").
DEVICE_COUNT_WORDS = {"dual": 2, "quad": 4}
_COUNT_WORDS = WORD_COUNTS | DEVICE_COUNT_WORDS


def _generic_devices(text: str, starts: list[int]):
    """GENERIC_DEVICE's matches left to right, never overlapping, as ``finditer`` would find them, but
    tried only where a count can start: a digit run or a number word (every count word is one), which
    is many times cheaper than trying the pattern at every character."""
    reach = 0
    for start in starts:
        if start >= reach and (m := GENERIC_DEVICE.match(text, start)):
            reach = m.end()
            yield m


# "Cloud TPU v2 and v3", "STM32 N6, H7 and U5", "RTX 3090 and 4090": a list of models of the family just named
NEXT_MODEL = regex.compile(r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s*/\s*)(?P<model>[A-Za-z]{0,3}\d[\w.]*|v\d\w*)\b")


def _listed_models(text: str, found: list) -> list[tuple[int, int, str, int | None]]:
    """The models listed right after a named device that name only what differs from it ("v3" after
    "TPU v2"), each read as the family's prefix with that model when the catalogue has the result."""
    listed = []
    for start, end, _, _ in found:
        written = text[start:end]
        prefix = written.rsplit(" ", 1)[0] if " " in written else ""
        while prefix and (m := NEXT_MODEL.match(text, end)):
            device = load_hardware().get(f"{prefix} {m['model']}".lower())
            if device is None:
                break
            if not any(s <= m.start("model") < e for s, e, _, _ in found):  # not already a catalogue name ("TX2")
                listed.append((m.start("model"), m.end("model"), device.name, None))
            end = m.end()
    return listed


def _count(written: str | None) -> int | None:
    if not written:
        return None
    digits = written.replace(",", "")
    return int(digits) if digits.isdigit() else _COUNT_WORDS.get(written.lower())


def find_devices(text: str, names: dict | None = None,
                 starts: list[int] | None = None) -> list[tuple[int, int, str, int | None]]:
    """``(start, end, canonical name or class, count)`` of every device mention (``names``: the result
    of ``lexicon.find_names(text)``, ``starts``: of ``candidate_starts``, when the caller has them)."""
    found = []
    for m_start, m_end, alias in (lexicon.find_names(text) if names is None else names)["hardware"]:
        device = load_hardware().get(alias.lower())
        if device and regex.match(r"[\s-]*(?:GPU|TPU)?[\s-]*(?:hours?|days?)\b", text[m_end : m_end + 16], regex.I):
            found.append((m_start, m_end, device.name, None))  # "59.4K H100 GPU hours": the device, the number is compute
        elif device:
            before = PREFIX.search(text, max(0, m_start - 30), m_start)
            after = SUFFIX.match(text, m_end)
            start = before.start() if before and before.group() else m_start
            count = _count(before["count"]) if before else None
            found.append((start, after.end() if after else m_end, device.name, count))
    found += _listed_models(text, found)
    taken = [(s, e) for s, e, _, _ in found]
    if "PU" not in text and not (("node" in text or "server" in text or "machine" in text) and _MACHINE_WORDS.search(text)):
        # GPU, TPU, CPU, NPU; nodes, servers, machines (substring tests first: the regex scans the whole text)
        return sorted(found)
    for m in _generic_devices(text, candidate_starts(text, names) if starts is None else starts):
        if m["nodes"] and (not COMPUTE_WORDS.search(text) or GRAPH_WORDS.search(text)):
            continue
        if m["count"] and m["count"][0].isdigit() and NAME_NUMBER_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue  # "2 Quadro 4000 GPUs": a model's number, not a count
        if not any(s <= m.start() < e or m.start() <= s < m.end() for s, e in taken):
            found.append((m.start(), m.end(), m["class"] or "node", _count(m["count"])))
    return sorted(found)
