"""Sentence-level linking: sentences, the paper's method name, and the
subject, baseline, benchmark, metric and hardware near a quantity."""

from __future__ import annotations

import bisect
import functools
import itertools

import regex

from . import lexicon
from .classify import NAME_PAREN_BEFORE as _NAME_PAREN, clause_around
from .rules import canonical_benchmark, canonical_metric, load_hardware, read_rows

from .lexicon import compiled as _re  # noqa: E402 (inline patterns, compiled once)

# A sentence ends at "." (or "!", "?") and whitespace before a capital, digit, bracket or quote. The
# "." pattern leads with a literal, which the regex engine finds several times faster than a class.
SENTENCE_BREAK = regex.compile(r"\.(\s+)(?=[\p{Lu}\d(\[\"'])")
OTHER_BREAK = regex.compile(r"[!?](\s+)(?=[\p{Lu}\d(\[\"'])")
ABBREVIATIONS = ("e.g", "i.e", "et al", "vs", "Fig", "Figs", "approx", "etc", "cf", "resp", "Eq", "No", "Sec", "al", "ca")
ABBREVIATION = regex.compile(r"\b(?:" + "|".join(map(regex.escape, ABBREVIATIONS)) + r")\.$")
ABBREVIATION_ENDS = frozenset(a[-2:] for a in ABBREVIATIONS)  # a cheap pre-check for ABBREVIATION
_PLUSES = r"(?:\+\+?(?![\p{L}\p{N}+]))?"  # "SpEx+", "CLIP++"
NAME_BODY = r"[\p{L}\p{N}]*(?:[-./+_][\p{L}\p{N}]+)*" + _PLUSES  # the rest of a name after its first letter: "ViT-L/14", "SpEx+"
NAME = regex.compile(r"""(?<![\p{L}\p{N}_])
    (?:[\p{Lu}\p{N}]|\p{Ll}++(?=\p{Lu}))[\p{L}\p{N}]*(?:[-./+_][\p{L}\p{N}]+)*(?:-\p{N}+(?:\.\p{N}+)?[BMK])?""" + _PLUSES + r"""
    (?![\p{L}\p{N}])""", regex.X)  # "vLLM", "cuBLAS", "iPhone" start in lower case; "SpEx+", "CLIP++" end in pluses
PROPOSE = regex.compile(r"\b(?:we|this (?:paper|work)|our (?:work|paper))\s+(?:\w+\s+){0,2}?(?:propose|introduce|present|develop|design|build|release|devise|call|name|term|dub|coin|offer|put forward|contribute)[sd]?\b", regex.I)
PROPOSE_WORDS = ("propos", "introduc", "present", "develop", "design", "build", "releas", "devis", "call", "name",
                  "term", "dub", "coin", "offer", "put forward", "contribut")  # cheap pre-check for PROPOSE
NAMED = regex.compile(r"\b(?:called|named|termed|dubbed|coined|namely)(?:\s+as)?\s+[\"']?(?P<name>[^\s,.;:()\"']+(?:\s+(?:\d[\w.]*|\p{Lu}[\w\-.]*)(?=[\s,.;:()\"']|$))?)")
BASELINE_CUE = regex.compile(
    r"\b(?:over|than|(?:that|those) of|compared (?:to|with)|vs\.?|versus|outperform(?:s|ed|ing)?|surpass(?:es|ed|ing)?|beat(?:s|ing)?|relative to|against|exceed(?:s|ing)?|over the|comparable (?:\w+\s+)?(?:to|with)|on par with|match(?:es|ing)?)\s+(?:the\s+)?(?:(?:strong|previous|prior|original|vanilla|standard|popular|existing|baseline|state-of-the-art|SOTA)\s+)*(?:[a-z][\w-]*\s+){0,2}?(?:method\s+|model\s+)?", regex.I)
BASELINE_CUE_WORDS = ("over", "than", "that of", "those of", "compared", "vs", "versus", "outperform", "surpass", "beat", "relative to",
                      "against", "exceed", "comparable", "on par with", "match")  # one is in every BASELINE_CUE match
ON_NAME = regex.compile(r"\b(?:on|in|of)\s+(?:the\s+)?(?:challenging\s+|popular\s+|standard\s+)?(?P<name>\S+)")
# Searched in lower-cased text: a case-sensitive scan is faster than a case-insensitive one.
OUR = regex.compile(r"\b(?:we|our|us|this paper|this work|the proposed|proposed)\b")


def first_ours(text: str) -> int | None:
    """Where the authors first speak of their own work ("we", "our", "this paper"), or None."""
    m = OUR.search(lexicon.lower_same_length(text))
    return m.start() if m else None


@functools.cache
def generic_names() -> frozenset[str]:
    """Capitalized words that name no particular system (data/generic_names.csv)."""
    return frozenset(r["name"] for r in read_rows("generic_names.csv", ("name",)))


MAX_SENTENCE = 1200  # characters: longer "sentences" (scraped tables, hostile input) are cut in pieces


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of ``text``; none is longer than MAX_SENTENCE, so linking stays linear."""
    spans, start = [], 0
    breaks = list(SENTENCE_BREAK.finditer(text))
    if "!" in text or "?" in text:
        breaks = sorted(breaks + list(OTHER_BREAK.finditer(text)), key=lambda m: m.start())
    for m in breaks:
        if text[m.start() - 2 : m.start()] in ABBREVIATION_ENDS \
                and ABBREVIATION.search(text, max(0, m.start() - 8), m.start() + 1):
            continue  # "e.g. BERT", "et al. Their"
        end = m.start(1)
        spans.extend(_pieces(text, start, end) if end - start > MAX_SENTENCE else ((start, end),))
        start = m.end()
    spans.extend(_pieces(text, start, len(text)))
    return spans


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def is_model_name(token: str) -> bool:
    """True for tokens shaped like a system's name: FlexMoE, GPT-4, LoRA, MUSE, T5."""
    if len(token) < 2 or token in generic_names() or token.rstrip("s") in generic_names():
        return False
    if token.isdigit() or _re(r"[\d.,]+(?:[%xX]|[BMKT]|bn|[23]D|D)?").fullmatch(token):
        return False
    caps = sum(map(str.isupper, token))
    return caps >= 2 or (caps >= 1 and any(c.isdigit() for c in token)) or (caps == 1 and not token[0].isupper())


def in_catalogues(name: str, kinds: tuple[str, ...] = lexicon.CATALOGUES) -> bool:
    """Is ``name`` one of the names of any of these catalogues (a device, a benchmark or a metric)?"""
    return any(lexicon.is_listed(name, kind) for kind in kinds)


def clean_name(token: str) -> str:
    return token.strip("\"'`()[]{}.,;:")


_LATEX_WRAPPER = regex.compile(r"\\(?:emph|textbf|textit|texttt|textsc|textrm|mbox|text|mathrm|mathbf|mathcal|"
                               r"ac|acl|acs|acp|acf)\{")
_LATEX_TAIL = regex.compile(r"\s*(?:~|\\)(?:footnote|cite\w*|url|ref|label)\b.*$", regex.S)
_LATEX_LEFT = regex.compile(r"[\\{}$^]")


_MACRO = regex.compile(r"\\[A-Za-z]+(?:\{\})?")


def is_method_macro(name: str) -> bool:
    """A custom macro standing for the paper's method (``\\ours``, ``\\name{}``, ``\\modelname``)."""
    return bool(_MACRO.fullmatch(name)) and not _LATEX_WRAPPER.match(name + "{")


def plain_name(name: str | None) -> str | None:
    """A name without LaTeX debris ("\\emph{PyramidBox" -> "PyramidBox", "Magna\\-Tag" -> "MagnaTag",
    "SiamVGG\\footnote{..." -> "SiamVGG"); None when LaTeX is all there is ("\\ColNet", "\\ours")."""
    if not name or not _LATEX_LEFT.search(name) and "~" not in name:
        return name
    name = _LATEX_TAIL.sub("", _LATEX_WRAPPER.sub("", name)).replace("\\-", "").replace("~", " ")
    name = clean_name(name.strip())
    return None if not name or _LATEX_LEFT.search(name) or not regex.search(r"\p{L}", name) else name


def title_name(title: str | None) -> str | None:
    """The name before a title's colon ("MuLan: Adapting ..."), when it is shaped like a name."""
    if not title or ":" not in title:
        return None
    prefix = _re(r"\s*\([^()]*\)\s*$").sub("", title.split(":", 1)[0]).strip().strip("\"'`")
    prefix = _re(r"\s+\d+(?:\.\d+)?$").sub("", prefix)  # "Distilled Decoding 1" names "Distilled Decoding"
    words = prefix.split()
    title_case = all(w[:1].isupper() or w[:1].isdigit() for w in words)
    # a name: one word, a word shaped like a name, or two title-case words ("Model Surgery");
    # "Share Your Attention" or "From PEFT to DEFT" is a phrase, not a name
    if 0 < len(words) <= 4 and (prefix[:1].isupper() or is_model_name(words[0])) and (
            len(words) == 1 or any(map(is_model_name, words)) or (title_case and len(words) == 2)):
        return prefix
    return None


def defined_acronym(text: str, name: str) -> str | None:
    """The acronym the text defines for a long name: "Emergent Mixture-of-Experts (EMoE)" -> "EMoE"."""
    if (" " not in name and "-" not in name) or (first := text.find(name)) == -1:
        return None
    # regex's own bounded cache keeps the pattern (_re's cache is unbounded: one pattern per paper would grow)
    m = regex.search(regex.escape(name) + r"[\w\s\-]{0,60}?\((?P<acr>[\p{L}][\w\-]{1,15})\)", text, pos=first)
    if not m or not is_model_name(m["acr"]) or m["acr"][0].lower() != name[0].lower():
        return None  # "E-LAS improves the job completion time (JCT)": an acronym of something else
    return m["acr"]


def method_name(text: str, title: str | None, sentences: list[tuple[int, int]] | None = None) -> str | None:
    """The paper's own method: a title's "X: ..." prefix, "named X", or "we propose X"
    (the acronym the text defines for it, where there is one)."""
    name = _method_name(text, title, sentences if sentences is not None else split_sentences(text))
    return (defined_acronym(text, name) or name) if name else None


PAREN_ACRONYM = regex.compile(r"\((?P<acr>[\p{L}][\w\-+]{1,15})(?:\s+(?:in|for)\s+short)?\)")  # "(FB)", "(FocalNets in short)"
CLAUSE_BREAK = regex.compile(r",?\s+(?:where|which|whereby|while|in\s+which)\b|;")  # the proposal's own clause ends here


PROPOSE_LEADS = ("we ", "this paper", "this work", "our work", "our paper")


def _proposals(text: str, sentences: list[tuple[int, int]]):
    """``(sentence, match)`` for each sentence that proposes something ("we propose", "this paper presents").
    PROPOSE is tried only where one of its lead words occurs (found with str.find, which is cheap)."""
    lowered = lexicon.lower_same_length(text)
    if not any(w in lowered for w in PROPOSE_WORDS):
        return
    leads = sorted({i for lead in PROPOSE_LEADS for i in _occurrences(lowered, lead)})
    sentence_starts = [start for start, _ in sentences]
    done = -1  # the last sentence that yielded: one proposal per sentence
    for i in leads:
        k = bisect.bisect_right(sentence_starts, i) - 1
        if k <= done or i >= sentences[k][1]:
            continue
        start, end = sentences[k]
        sentence = text[start:end]
        if m := PROPOSE.match(sentence, i - start):
            yield sentence, m
            done = k


def _occurrences(text: str, word: str) -> list[int]:
    found, i = [], text.find(word)
    while i != -1:
        found.append(i)
        i = text.find(word, i + 1)
    return found


def _method_name(text: str, title: str | None, sentences: list[tuple[int, int]]) -> str | None:
    if named := title_name(title):
        return named
    proposals = _proposals(text, sentences)  # lazily: the first proposing sentence usually names the method
    first = next(proposals, None)
    if first:  # "we propose Foo Bar (FB)": the acronym
        sentence, m = first
        window_end = min(len(sentence), m.end() + 160)
        window_end = (brk.start() if (brk := CLAUSE_BREAK.search(sentence, m.end(), window_end)) else window_end)
        acronym = PAREN_ACRONYM.search(sentence, m.end(), window_end)  # not "where self-attention (SA) is replaced"
        if acronym and is_model_name(acronym["acr"]) and not lexicon.is_listed(acronym["acr"], "metrics"):
            return acronym["acr"]
    for sentence, m in itertools.chain([first] if first else [], proposals):
        direct = _re(r"\s+[\"'`]*(?P<name>\p{Lu}[\w\-.+]*(?:\s+\p{Lu}[\w\-.+]*){0,3})[\"'`]*\s*(?:,|:|\(|\bas\b|\bwhich\b|\bthat\b|$)").match(sentence[m.end():])
        if direct and direct["name"] not in generic_names():
            return clean_name(direct["name"])  # "we introduce Flame, an auto-labeling system"
        named = NAMED.search(sentence, m.end())
        if named and (is_model_name(clean_name(named["name"])) or named["name"][:1].isupper()):
            return clean_name(named["name"])
        for token in NAME.finditer(sentence, m.end()):
            if is_model_name(clean_name(token.group())):
                return clean_name(token.group())
    return None


def nearest(matches, position: int, limit: int) -> regex.Match | None:
    """The match closest to ``position`` within ``limit`` characters (ties go to the earlier)."""
    best, best_distance = None, limit + 1
    for m in matches:
        distance = max(position - m.end(), m.start() - position, 0)
        if distance < best_distance:
            best, best_distance = m, distance
    return best


def find_metric(sentence: str, start: int, end: int, names: dict | None = None) -> str | None:
    """The metric named nearest a quantity in its clause (``names``: ``lexicon.find_names(sentence)``,
    when the caller has it; so for the other finders)."""
    lo, hi = clause_around(sentence, start, end, 70)
    spans = _spans(sentence, "metrics", names)
    m = nearest((m for m in spans if m.start() >= lo and m.end() <= hi), (start + end) // 2, 60)
    if m is None:  # a sentence that names one metric measures its numbers by it ("... 5.4% and 14.7%, respectively")
        return _only_name(spans, canonical_metric)
    return complement_of(sentence, m.end(), canonical_metric(m.name))


# "top-5 validation error", "top-1 and top-5 error rates": the name is followed by "error"
ERROR_AFTER = regex.compile(r"(?:\s+(?:and|or|/)\s+top-?\d)?\s*(?:[\p{L}-]+\s+)?errors?\b", regex.I)


@functools.cache
def _complements() -> dict[str, str]:
    return {r["metric"]: r["complement"] for r in read_rows("complements.csv", ("metric", "complement"))}


def complement_of(sentence: str, end: int, metric: str | None) -> str | None:
    """The metric a name ending at ``end`` means: its complement (data/complements.csv) when "error" follows."""
    complement = _complements().get(metric) if metric else None
    return complement if complement and ERROR_AFTER.match(sentence, end) else metric


def without_complement_tails(sentence: str, spans: list, canonical) -> list:
    """Metric spans without the "error(s)" that makes the name before it its complement ("top-1 and top-5
    errors": two metrics, top-1 error and top-5 error, not three)."""
    kept = []
    for span in spans:
        if kept and span[2].lower().startswith("error") and (tail := ERROR_AFTER.match(sentence, kept[-1][1])) \
                and span[0] < tail.end() \
                and complement_of(sentence, kept[-1][1], canonical(kept[-1][2])) != canonical(kept[-1][2]):
            continue
        kept.append(span)
    return kept


# one item of a list of names: "CHASE-DB1", "UCF_QNRF", "SAT-6", "Places 2"
_LIST_ITEM = regex.compile(r"[\p{Lu}\p{N}][\p{L}\p{N}]*(?:[-_.][\p{L}\p{N}]+)*(?:\s\d+)?(?![\p{L}\p{N}\-_])")
_ITEM_BEFORE = regex.compile(r"(?<![\p{L}\p{N}\-_])(?P<item>[\p{Lu}][\p{L}\p{N}]*(?:[-_.][\p{L}\p{N}]+)*)\s*(?:,\s*and|,|/|and|&)\s*$")
_ITEM_GAP = regex.compile(r"\s*(?:,\s*and|,\s*or|,|/|and|or|&)\s*(?:the\s+)?")


def on_name_spans(sentence: str) -> list[tuple[int, int, str]]:
    """``(start, end, name)`` of each benchmark-shaped "on NAME" of a sentence the catalogue does not know."""
    return [(at, at + len(name), name) for _, name, at in _on_names(sentence)]


def name_list(sentence: str, spans: list) -> list[tuple[int, int, str]]:
    """The longest list of names ("DRIVE, CHASE-DB1, and STARE") holding a catalogue name of ``spans``, each
    item ``(start, end, name)``: catalogue names and name-shaped words the catalogue lacks."""
    best: list[tuple[int, int, str]] = []
    for s0, e0, alias in spans:
        items = [(s0, e0, alias)]
        while (gap := _ITEM_GAP.match(sentence, items[-1][1])) and (item := _LIST_ITEM.match(sentence, gap.end())):
            items.append((item.start(), item.end(), item.group()))
        while (item := _ITEM_BEFORE.search(sentence[max(0, items[0][0] - 40) : items[0][0]])):
            at = items[0][0] - (len(sentence[max(0, items[0][0] - 40) : items[0][0]]) - item.start("item"))
            items.insert(0, (at, at + len(item["item"]), item["item"]))  # "the Switchboard/CallHome subsets"
        if len(items) > len(best) and len(items) > 1:
            best = items
    return [(s, e, n) if any(s == a for a, _, _ in spans) else (s, e, clean_name(n)) for s, e, n in best]


def _only_name(spans: list, canonical) -> str | None:
    """The one name the spans spell, canonically, when they spell exactly one."""
    named = {canonical(m.name) for m in spans}
    return named.pop() if len(named) == 1 else None


@functools.lru_cache(maxsize=64)
def _matches(pattern: regex.Pattern, sentence: str, needs: tuple[str, ...]) -> tuple:
    """All matches of a pattern in a sentence, kept while the sentence's claims are linked; none,
    without a scan, when the sentence holds none of the lower-case words ``needs`` (one of which
    every match contains)."""
    lowered = sentence.lower()
    if not any(word in lowered for word in needs):
        return ()
    return tuple(pattern.finditer(sentence))


def _spans(sentence: str, kind: str, names: dict | None) -> list:
    """Names of one catalogue in a sentence, as spans ``nearest`` can rank."""
    return [_Span(s, e, alias) for s, e, alias in (lexicon.find_names(sentence) if names is None else names)[kind]]


# What may stand between a result and the benchmark it is "on": "91.62 on CoNLL-2003", "75.5% top-1 accuracy
# on ImageNet", "35 BLEU on the WMT'14 English-German test set" (a digit only inside a word, never a number of its own).
_ON_GAP = regex.compile(r"(?:(?!\s(?:and|while|but|whereas)\s)[^,;:()\d]|(?<=[\p{L}@-])\d|\((?:[^()\d]|(?<=[\p{L}@-])\d){1,25}\)){0,40}?(?:\bat\s+\d[\d.,]*\s*(?:FPS|fps|frames\s+per\s+second|ms)\s+)?"
                        r"\b(?:on|for|in|over)\s+(?:the\s+)?(?:[a-z-]+\s+)?", regex.I)  # "74.7 mIoU at 230 FPS on CamVid"


# what may part a benchmark from the scores it reports "with": its split, then a list of scores before this one
_WITH_LIST = regex.compile(r"""(?:\s+[\p{L}\-]+)?(?:\s+(?:set|split|subset|dataset|benchmark|data))?\s*,?\s+with\s+
    (?:(?:an?\s+)?\d[\d.]*\s*%?\s*(?:[\p{L}\-@]+\s*)?(?:\([^()\d]{0,20}\)\s*)?,?\s*(?:and\s+)?){0,6}""", regex.X | regex.I)
_BENCH_TO = regex.compile(r"\s*(?:\([^()\d]{1,12}\)\s*)?(?:benchmark|dataset|task|test\s+set)\s+to\s+(?:an?\s+)?(?:new\s+)?")
_LIST_OF_DATASETS = regex.compile(r"\)\s+(?:datasets|benchmarks|data\s+sets|corpora)\b")  # ends a list of "NAME (NUM)"
_METRIC_TO_NUMBER = regex.compile(r"\s*(?:\([^()\d]{1,20}\)\s*)?(?:of|=|:|is|was|reaches|reaching|to)?\s*(?:about\s+|over\s+|~\s*)?")
_ON_WORDS = ("on ", "in ", "of ")  # the words ON_NAME starts with


def find_benchmark(sentence: str, start: int, names: dict | None = None, end: int | None = None) -> str | None:
    """The benchmark of a result: one named "on" it right after it ("91.62 on CoNLL-2003 and 86.28 on
    OntoNotes"), else the catalogue name nearest it, else "on NAME" for an unknown one."""
    return find_benchmark_span(sentence, start, names, end)[0]


def find_benchmark_span(sentence: str, start: int, names: dict | None = None,
                        end: int | None = None) -> tuple[str | None, int | None, int | None]:
    """``find_benchmark``'s name with where the sentence writes it (``None`` when no one place does)."""
    spans = _spans(sentence, "benchmarks", names)
    opened = sentence.rfind("(", max(0, start - 40), start)
    if opened > 0 and ")" not in sentence[opened:start]:  # "PASCAL VOC 2012 (val: 77.7%, test: 77.2%)"
        named = next((m for m in spans if 0 <= opened - m.end() <= 2), None)
        if named:
            return _placed(named)
        if (listed := _NAME_PAREN.search(sentence, max(0, opened - 30), opened + 1)) and _LIST_OF_DATASETS.search(sentence, start, start + 120):
            name = clean_name(listed["name"])  # "on the UPLight (92.45%), ZJU (92.7%), and MCubeS (50.99%) datasets"
            if is_model_name(name) and not in_catalogues(name, ("metrics", "hardware")):
                return name, listed.start("name"), listed.start("name") + len(name)
    before = next((m for m in reversed(spans) if m.end() <= start), None)
    if before and start - before.end() <= 40:  # "ImageNet accuracy of 88.0%, ADE20K mIoU of 55.6%": the name before the metric
        metrics = (lexicon.find_names(sentence) if names is None else names)["metrics"]
        metric_end = next((e for s, e, _ in metrics if s == before.end() + 1), None)
        if metric_end and _METRIC_TO_NUMBER.fullmatch(sentence, metric_end, start):
            return _placed(before)
    if before and start - before.end() <= 40 and _BENCH_TO.fullmatch(sentence, before.end(), start):
        return _placed(before)  # "pushing the WNLI benchmark to 89%, the WSC benchmark to 75.1%"
    if end is not None:
        after = next((m for m in spans if end <= m.start() < end + 60), None)
        if after and _ON_GAP.fullmatch(sentence, end, after.start()):
            return _placed(after)
        window = sentence[end : end + 48].lower()
        if any(w in window for w in _ON_WORDS):  # "34.3% accuracy on Moments-in-Time": an unlisted name right after
            named = next(((name, at) for p, name, at in _on_names(sentence) if end <= p < end + 40), None)
            if named and _ON_GAP.fullmatch(sentence, end, named[1]):
                return named[0], named[1], named[1] + len(named[0])
    if before and start - before.end() <= 120 and _WITH_LIST.fullmatch(sentence, before.end(), start):
        return _placed(before)  # "COCO val set with 58.0% PQ, Cityscapes val set with 68.4% PQ, 44.0% AP, and 83.5% mIoU"
    m = nearest(spans, start, 120)
    if m:
        return _placed(m)
    for position, name, at in _on_names(sentence):
        if abs(position - start) < 80:
            return name, at, at + len(name)
    return _only_name(spans, canonical_benchmark), None, None  # a long sentence about one benchmark


def _placed(span) -> tuple[str, int, int]:
    return canonical_benchmark(span.name), span.start(), span.end()


# "the SAT-4 dataset", "the challenging Spider benchmark", "the NYT-10 corpus": a name the words after it make a data set's
DATASET_NAMED = regex.compile(r"""(?P<name>[\p{Lu}\p{N}][\p{L}\p{N}]*(?:[-./+_][\p{L}\p{N}]+)*(?:\s+[\p{Lu}\p{N}][\p{L}\p{N}\-]*){0,2})
    \s+(?:dataset|benchmark|corpus|data\s+set|database|challenge)s?\b""", regex.X)


@functools.lru_cache(maxsize=32)
def dataset_names(text: str) -> tuple:
    """Spans of the names a text calls a dataset or benchmark, whatever the catalogue holds."""
    if not any(w in text for w in ("dataset", "benchmark", "corpus", "data set", "database", "challenge")):
        return ()
    found = []
    for m in DATASET_NAMED.finditer(text):
        name = clean_name(m["name"])
        first = name.split()[0]
        if is_model_name(first) and not in_catalogues(name, ("metrics", "hardware")):
            found.append(_Span(m.start("name"), m.start("name") + len(m["name"]), name))
    return tuple(found)


@functools.lru_cache(maxsize=32)
def _on_names(sentence: str) -> tuple[tuple[int, str, int], ...]:
    """``(position, name, where the name starts)`` of each "on NAME" in a sentence whose NAME is shaped like a benchmark's
    (not a metric or a device), kept while the sentence's claims are linked."""
    found = []
    for on in ON_NAME.finditer(sentence):
        name = clean_name(on["name"])
        if is_model_name(name) and not in_catalogues(name, ("metrics", "hardware")):
            found.append((on.start(), name, on.start("name")))
    return tuple(found)


@functools.cache
def generic_baseline_phrases() -> tuple[str, ...]:
    """The generic baseline phrases, lower-cased (data/baselines.csv)."""
    return tuple(r["phrase"].lower() for r in read_rows("baselines.csv", ("phrase",)))


@functools.cache
def generic_baseline_regex() -> regex.Pattern:
    """A generic baseline phrase after a comparison word (data/baselines.csv)."""
    phrases = lexicon.alternation(generic_baseline_phrases())
    tail = r"(?:\s+(?!(?:on|in|by|with|and|or|across|at|for|while|which|when|to|of|from|using|under|as|that|is|are)\b)[\p{L}][\w\-]*){0,3}"
    return regex.compile(rf"\b(?:than|over|compared (?:to|with)|comparing (?:to|with)(?:\s+using)?|vs\.?|versus|relative to|outperform(?:s|ed|ing)?|surpass(?:es|ed|ing)?|of)\s+(?:the\s+)?(?P<phrase>(?i:{phrases}){tail})\b", regex.I)


BASELINE_NAME = regex.compile(NAME.pattern.rstrip()
                               + r"(?:\s+(?:base|large|small|tiny|huge|XL|XXL|Base|Large)\b)?(?:\s+(?:methods|models|baselines|approaches|systems|techniques|variants)\b)?", regex.X)


BASELINE_AFTER_CUE = regex.compile(r"(?:[a-z][\w-]*\s+){0,2}?(?P<name>" + BASELINE_NAME.pattern + ")", regex.X)


def find_baseline(sentence: str, start: int, end: int, phrases: bool = False) -> str | None:
    """A named baseline near the quantity, else a generic one ("full fine-tuning") in its sentence, else
    (``phrases``, for factors and gains) the noun phrase a comparison names ("compared to existing MoE
    training systems")."""
    named = find_named_baseline(sentence, start, end)
    if named:
        return named
    m = nearest(_matches(generic_baseline_regex(), sentence, generic_baseline_phrases()), start, 150)
    return m["phrase"] if m else _phrase_baseline(sentence, start, end) if phrases else None


_STOP = r"(?:by|on|in|for|with|while|when|at|and|or|which|that|used|under|across|using|to|as|is|are|was|were|of|from|without|up|even|both|all|only|we|our|it)"
_WORD = rf"(?!{_STOP}\b)[\p{{L}}\p{{N}}][\p{{L}}\p{{N}}\-'’/.+]*(?<!\.)"
# "compared to existing MoE training systems", "outperforms the state-of-the-art FPGA designs in ...": the phrase
# a comparison names, up to a preposition, a conjunction or a punctuation mark
PHRASE_BASELINE = regex.compile(
    rf"\b(?:compared\s+(?:to|with)|relative\s+to|over|than|against|outperform(?:s|ed|ing)?|surpass(?:es|ed|ing)?)\s+(?:the\s+|an?\s+)?"
    rf"(?P<phrase>{_WORD}(?:\s+{_WORD}){{1,5}})(?=\s*(?:[,;:()]|\.(?:\s|$)|$)|\s+{_STOP}\b)", regex.I)


def _phrase_baseline(sentence: str, start: int, end: int) -> str | None:
    """The noun phrase of a comparison right after the quantity (within 40 characters) or before it in its
    clause (within 120), nearest first; two to six words, none of them a number."""
    if not any(w in sentence for w in ("ompared", "relative", "over", "than", "gainst", "utperform", "urpass")):
        return None
    best, best_distance = None, 10**9
    for m in PHRASE_BASELINE.finditer(sentence):
        after = m.start() >= end
        distance = m.start() - end if after else start - m.end("phrase")
        opening = m.start() == 0 or sentence[m.start() - 1] in "(,;"  # "Compared to X, ..." opens the clause
        if 0 <= distance <= (40 if after else 120) and distance < best_distance \
                and (after or opening or not CLAUSE_EDGE_BETWEEN.search(sentence, m.end(), start)):
            best, best_distance = m["phrase"], distance
    return best


CLAUSE_EDGE_BETWEEN = regex.compile(r"[,;]|\bwhile\b|\band\b")


def find_named_baseline(sentence: str, start: int, end: int) -> str | None:
    """What the quantity is compared against: the name after "over", "than", "vs." nearest it."""
    best, best_distance = None, 10**9
    for cue in _matches(BASELINE_CUE, sentence, BASELINE_CUE_WORDS):
        token = BASELINE_AFTER_CUE.match(sentence, cue.end())
        if not token or not is_model_name(clean_name(token["name"])):
            continue
        distance = start - token.end() if token.end() <= start else (token.start() - end) * 2
        if 0 <= distance < best_distance and distance < 200:
            best, best_distance = clean_name(token["name"]), distance
    return best


SUBJECT_VERB = regex.compile(r"\s*(?:\([^)]{0,40}\)\s*)?(?:(?:also|further|consistently|significantly|still|even|can|could|only|thus|then|now|further)\s+)*(?:achiev|outperform|reach|obtain|attain|surpass|improv|reduc|run|deliver|yield|set|get|is|are|has|show|demonstrat|exhibit|require|use|match|enabl|speed|accelerat|boost|lead|score|beat|exceed|perform|provid|offer|cut|lower|rais|increas|train|support|contain|compris|cover|consist)", regex.I)
OUR_NAME = regex.compile(r"\s*(?:[\p{L}\-]+,\s*)?[Oo]ur\s+(?P<name>\p{Lu}[\w\-+.]*)\s+(?:system|model|method|framework|approach|network|agent|architecture|pipeline)s?\b")
NEXT_NAME_WORD = regex.compile(rf" \p{{Lu}}{NAME_BODY}(?![\p{{L}}\p{{N}}])")
LEAD_IN = regex.compile(r"\s*(?:(?:[\p{L}\-]+\s+){0,3}[\p{L}\-]+,\s*)?(?:the\s+|our\s+|resulting\s+)?", regex.I)


def sentence_subject(sentence: str, start: int, method: str | None) -> str | None:
    """The system a claim is about: a name opening its clause followed by a verb, else the paper's method,
    else the model whose verb of achievement precedes it in its clause."""
    ours, named = _clause_subjects(sentence, sentence.rfind(";", 0, start) + 1)
    if not (ours or named) and (comma := sentence.rfind(",", 0, start)) > 0:
        ours, named = _clause_subjects(sentence, comma + 1)  # "On S3DIS, the Point Transformer attains ..."
    if ours and ours[1] <= start:
        return ours[0]  # "Our Flame system labels ..."
    if named and named[1] <= start:
        name = named[0]
        if method and (name.lower().startswith(method.lower()) or method.lower().startswith(name.lower())):
            return method
        return name
    return method or _achiever(sentence, start) or _that_subject(sentence, start)


# "Experiments show that SWS achieves ... while reducing around 6.6x": the system a "that" clause is about
THAT_NAME = regex.compile(rf"\b(?:that|whereby)\s+(?:the\s+|our\s+)?(?P<name>[\p{{Lu}}]{NAME_BODY})(?=\s)")


def _that_subject(sentence: str, start: int) -> str | None:
    """The name a "that NAME VERB" clause of the sentence opens with, nearest before the claim, else after it."""
    if "that" not in sentence and "whereby" not in sentence:
        return None
    found = [(abs(start - at) + (0 if at < start else 1000), name) for at, name in _that_names(sentence)]
    return min(found)[1] if found else None


@functools.lru_cache(maxsize=32)
def _that_names(sentence: str) -> tuple[tuple[int, str], ...]:
    """``(position, name)`` of each "that NAME VERB" of a sentence, kept while its claims are linked."""
    return tuple((m.start(), clean_name(m["name"])) for m in THAT_NAME.finditer(sentence)
                 if SUBJECT_VERB.match(sentence, m.end()) and is_model_name(clean_name(m["name"]))
                 and not in_catalogues(clean_name(m["name"])))


# Inside a clause: "a CLIP ViT-L model reaching 89.0%", "NFNet-F5, achieving 86.8", "Noisy Student
# Training achieves 88.4%", "we raise ResNet-50's top-1 accuracy from 75.3% to 79.29%".
ACHIEVER = regex.compile(rf"""(?P<name>[\p{{Lu}}\p{{N}}]{NAME_BODY}(?:\s+\p{{Lu}}[\p{{L}}\p{{N}}\-]*){{0,2}})
    (?:\s+(?:model|network|architecture|system|method|variant|backbone)s?(?:\s+(?:for|on)\s+[\p{{L}}\p{{N}}\-]+)?)?
    (?:(?:,\s*(?:which\s+)?|\s+(?:which|that)\s+|\s+|,[^,;()]{{1,40}},\s*)(?:also\s+|further\s+|still\s+|can\s+)?
       (?:achiev|attain|reach|obtain|yield|get|gets|scor|set|establish|deliver|record|realiz)\w*\b
     |'s\s+(?:[\p{{L}}\-\d]+\s+){{0,3}}?(?:accuracy|score|error|performance|AP|mAP|mIoU|F1|BLEU)\b)""", regex.X)


_CHANGE_FROM_TAIL = regex.compile(r"\bfrom\s+[\d.,]+\s*(?:%|\\%)?\s*to\s*$")
_ACHIEVER_WORDS = ("chiev", "ttain", "each", "btain", "ield", "get", "cor", "set", "stablish", "eliver", "ecord", "ealiz", "'s ")


def _achiever(sentence: str, start: int) -> str | None:
    """The model whose verb of achievement (or possessive metric) comes last before a number, within 90 characters."""
    window_start = max(0, start - 90)
    window = sentence[window_start:start]
    if not any(w in window for w in _ACHIEVER_WORDS):
        return None
    found = None
    for m in ACHIEVER.finditer(sentence, window_start, start):
        name = clean_name(m["name"])
        if is_model_name(name.split()[0]) and not in_catalogues(name) \
                and not _re(r"\d").search(_CHANGE_FROM_TAIL.sub("", sentence[m.end() : start])):
            found = name  # no other number between, but the start of this change: "ResNet-50's accuracy from 75.3% to 79.29%"
    return found


_FOR_MODEL = regex.compile(r"\s*(?:%|\\%)?\s+(?:for|with)\s+(?:the\s+|a\s+)?")
SUBJECT_AFTER_END = regex.compile(r"\s*(?:[,;.)]|$|\s+(?:and|on|in|backbone|model|network)\b)")


def model_after(sentence: str, end: int) -> str | None:
    """A model named right after a score with "for" or "with" ("82.3% for ResNet-50"), not a catalogue name."""
    gap = _FOR_MODEL.match(sentence, end)
    token = NAME.match(sentence, gap.end()) if gap else None
    if not token:
        return None
    name = clean_name(token.group())
    if not is_model_name(name) or in_catalogues(name):
        return None
    return name if SUBJECT_AFTER_END.match(sentence, token.end()) else None


# "outperforming previous methods such as MixMatch (52.46%), UDA (70.95%)": a baseline's score in parentheses
_BASELINE_LIST = regex.compile(r"\b(?:such\s+as|including|like|e\.g\.|outperform\w*|surpass\w*|compared\s+(?:to|with)|than|over|vs\.?|versus)\s", regex.I)


def baseline_before_paren(sentence: str, start: int) -> str | None:
    """The method named just before a score in parentheses, in a list of compared methods ("such as
    MixMatch (52.46%), UDA (70.95%)"), not a catalogue name."""
    if "(" not in sentence[max(0, start - 3) : start]:
        return None
    found = _NAME_PAREN.search(sentence[max(0, start - 40) : start])
    if not found or not _BASELINE_LIST.search(sentence, max(0, start - 140), start - len(found.group())):
        return None
    name = clean_name(found["name"])
    return name if is_model_name(name) and not in_catalogues(name) else None


@functools.lru_cache(maxsize=32)
def _clause_subjects(sentence: str, clause_start: int) -> tuple[tuple[str, int] | None, tuple[str, int] | None]:
    """``(name, end)`` of "our NAME system" and of a name-shaped subject before a verb opening the
    clause at ``clause_start``, or None; kept while the clause's claims are linked."""
    ours = OUR_NAME.match(sentence, clause_start)
    our_name = (ours["name"], ours.end()) if ours and ours["name"] not in generic_names() else None
    lead = LEAD_IN.match(sentence, clause_start)
    token = NAME.match(sentence, lead.end() if lead else clause_start)
    if not token:
        return our_name, None
    name, end = token.group(), token.end()
    for _ in range(2):  # "the Point Transformer attains", "Noisy Student Training achieves": a name of up to three words
        if not (more := NEXT_NAME_WORD.match(sentence, end)):
            break
        name, end = name + more.group(), more.end()
    if is_model_name(clean_name(name)) and SUBJECT_VERB.match(sentence, end) and not lexicon.is_listed(clean_name(name), "metrics"):
        return our_name, (clean_name(name), end)
    return our_name, None


class _Span:
    """A found name with the match interface ``nearest`` needs."""

    __slots__ = ("_start", "_end", "name")

    def __init__(self, start: int, end: int, name: str):
        self._start, self._end, self.name = start, end, name

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


GENERIC_DEVICE_WORD = regex.compile(r"\b(?:GPU|TPU|CPU|NPU)s?\b")


_NUMBER_AFTER = regex.compile(r"(?<=[\s(~$])\d+(?:\.\d+)?\s*(?:x|×|\\times|%|\\%|times)")


def find_hardware(sentence: str, start: int, names: dict | None = None) -> str | None:
    """The device named nearest a performance claim in its sentence; a device named after the claim
    and before the sentence's next number ("4.5x when using cheaper ones (NVIDIA A6000)") is its own."""
    spans = _spans(sentence, "hardware", names)
    number_after = _NUMBER_AFTER.search(sentence, start + 1)
    m = next((d for d in spans if d.start() > start and (not number_after or d.start() < number_after.start())
              and d.start() - start < 120), None) or nearest(spans, start, 200)
    if m:
        return load_hardware()[m.name.lower()].name
    generic = nearest(GENERIC_DEVICE_WORD.finditer(sentence), start, 100) if "PU" in sentence else None
    return generic.group().rstrip("s") if generic else None
