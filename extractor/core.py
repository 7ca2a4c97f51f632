"""``extract(text, title) -> list[Claim]``: the pure extraction core.

read -> prepare text -> find quantities -> classify -> link -> claims.
"""

from __future__ import annotations


import functools
import math
from collections.abc import Callable
from dataclasses import dataclass, replace

import regex

from . import link
from .claim import Claim
from .errors import ExtractionTimeout
from .classify import BY_BEFORE, Reading, qualifier_of, read_quantity
from .devices import find_devices
from . import lexicon, rules
from .lexicon import lookup_unit
from .prepare import Prepared, prepare, widen_to_math
from .scanner import Quantity, _is_change, candidate_starts, find_quantities
from .splits import find_split

from .lexicon import compiled as _re  # noqa: E402 (inline patterns, compiled once)

PERFORMANCE_KINDS = {"speedup", "time", "throughput", "energy", "memory", "reduction"}
RESULT_KINDS = {"score", "improvement"}
GAIN_KINDS = {"speedup", "reduction", "improvement"}  # kinds whose baseline may be any noun phrase a comparison names
COMPARED_KINDS = {"speedup", "reduction", "improvement", "score", "time", "throughput", "energy"}  # kinds that have a baseline
YEAR = regex.compile(r"(?:19|20)\d\d")
CHANGE_TO = regex.compile(r"\s*(?:%|\S{1,4}\s)?\s*to\s+\d[\d.,]*(?:\s*%|\s*[\p{L}/]{1,4}(?![\p{L}]))?")  # the rest of "from A to B"
CHANGE_GAP = regex.compile(r"\s*(?:to|->|→)\s*")  # between the two values of "from A to B"
FROM_BEFORE = regex.compile(r"\bfrom\s*\(?\s*$")
SETS_AFTER = regex.compile(r"\s+(?:data\s*sets|benchmarks|sets|subsets|splits|corpora|tasks)\b")  # ends a list of names
NAME_LIST_GAP = regex.compile(r"\s*(?:,\s*and|,\s*or|,|/|and|or|&)\s*(?:the\s+)?")  # between the names of one list
SIGNED_ASIDE = regex.compile(r"\s*(?:%|\\%)?\s*\(\s*$")  # just before the signed gain of "49.4 (+1.0)"
PAREN_GAIN = regex.compile(r"^\s*\(\s*[+\-]\s*\d[\d.]*\s*(?:%|\\%|points?)?\s*\)")
LIST_GAP = regex.compile(r"^\s*(?:,|and|or|,\s*and|/)\s*$")
# Between two results of one list: "by 15% on six math benchmarks and 16% on ...", "2.46% (90.72% vs. 88.54%) and 11.48%",
# "by 25% on X and even 72% on Y", "by more than 10 F1 and 30 precision points", "a 6% absolute gain over X and 3% over Y"
METRIC_LIST_GAP = regex.compile(r"^\s*(?:[\p{L}][\w^@\-]*\s+)?(?:,|and|or|,\s*and)\s*$")  # "0.6 AP^b and 0.4 AP^m gains"
PAREN_ASIDE = regex.compile(r"^[^()]{0,80}\((?:[^()]{0,30}\s)?(?:up to|about|around|over|nearly|reaching|as high as)?\s*$", regex.I)
RESULT_LIST_GAP = regex.compile(r"^\s*(?:\([^()]{0,40}\)|(?:\p{L}[\p{L}\p{N}\-@^]*\s+){1,3}|(?:(?:\p{L}[\p{L}\p{N}\-@^]*\s+){0,2}(?:gains?|improvements?|increases?|boosts?|reductions?|drops?|points?)\s+)?(?:on|in|for|over|across|with|using|when)\s+[^,;.()%]{0,60}?(?:\s*\([^()\d]{1,40}\))?|\p{L}[\p{L}\p{N}\-@^]*\s+(?:on|in|for|over|across)\s+[^,;.()%]{0,60}?)?\s*(?:,|and|,\s*and)(?:\s+(?:of\s+)?(?:even|only|nearly|about|over|up\s+to|more\s+than|at\s+least|almost|roughly))?\s*$")


def extract(text: str, title: str | None = None) -> list[Claim]:
    """Every claim in ``text``, in text order. Never raises on prose; raises
    ExtractionTimeout only if the regex guard fires (no known input does).

    >>> [c.surface for c in extract("FlexMoE outperforms DeepSpeed by 1.70x on average.")]
    ['1.70x']
    """
    prepared = prepare(text or "")
    plain = prepared.text
    names = lexicon.find_names(plain)  # every listed word, found once and handed to each sentence
    starts = candidate_starts(plain, names)
    devices = find_devices(plain, names, starts)
    if not (starts or devices):
        return []  # no number and no device: nothing to claim
    sentences = link.split_sentences(plain)
    method = functools.cache(lambda: link.method_name(plain, title, sentences))  # read once a claim needs it
    claims: list[Claim] = []
    first_our = link.first_ours(plain)  # the method is introduced from that sentence on
    cursor, total = 0, len(starts)  # starts and sentences are both in text order: walk them together
    previous: tuple[int, int] | None = None  # the sentence before, whose one benchmark a score may be on
    try:
        for s_start, s_end in sentences:
            first = cursor
            while cursor < total and starts[cursor] < s_end:
                cursor += 1
            here = [p - s_start for p in starts[first:cursor] if p >= s_start] if cursor > first else []
            found = [(a - s_start, b - s_start, n, c) for a, b, n, c in devices if s_start <= a < s_end] if devices else []
            if here or found:
                introduced = first_our is not None and first_our < s_end
                original = prepared.original[slice(*prepared.to_original(s_start, s_end))]
                sentence = _Sentence(prepared, plain[s_start:s_end], s_start, original, method, introduced,
                                     lexicon.names_within(names, s_start, s_end))
                claims.extend(_benchmark_of_sentence_before(_sentence_claims(sentence, found, here), names, previous))
            previous = (s_start, s_end)
    except TimeoutError as err:
        raise ExtractionTimeout(f"extraction timed out after {len(claims)} claims: {err}") from err
    return _the_usual_metric(_the_papers_benchmark(claims, names, plain), names)


def _benchmark_of_sentence_before(claims: list[Claim], names: dict, previous: tuple[int, int] | None) -> list[Claim]:
    """"We benchmark on LVIS ... . ViLD obtains 16.1 mask AP": a score whose sentence names no benchmark
    is on the one benchmark the sentence before names; scores listed "respectively" pair in order with
    as many benchmarks named there."""
    if previous is None or not _unplaced_scores(claims):
        return claims
    before = list(dict.fromkeys(rules.canonical_benchmark(alias) for start, _, alias in names["benchmarks"]
                                if previous[0] <= start < previous[1]))
    unplaced = [i for i, c in enumerate(claims) if c.kind == "score" and c.benchmark is None]
    if len(before) > 1 and len(unplaced) == len(before) and "respectively" in claims[unplaced[-1]].sentence:
        out = list(claims)  # "... on Human3.6M and MPI-INF-3DHP. X achieves 38.4 mm and 16.2 mm, respectively"
        for i, benchmark in zip(unplaced, before):
            out[i] = replace(out[i], benchmark=benchmark)
        return out
    return _placed_on(set(before), claims)


def _the_papers_benchmark(claims: list[Claim], names: dict, text: str) -> list[Claim]:
    """An abstract that names one benchmark (from the catalogue, else one it calls "the X dataset")
    reports its scores on it: a score whose sentence names none takes it."""
    if not _unplaced_scores(claims):
        return claims
    return _placed_on({rules.canonical_benchmark(alias) for _, _, alias in names["benchmarks"]}
                      or {span.name for span in link.dataset_names(text)}, claims)  # "the SAT-4 dataset"


def _unplaced_scores(claims: list[Claim]) -> bool:
    return any(c.kind == "score" and c.benchmark is None for c in claims)


def _placed_on(named: set[str], claims: list[Claim]) -> list[Claim]:
    """The scores with no benchmark placed on the one benchmark named, if exactly one is."""
    if len(named) != 1:
        return claims
    [benchmark] = named
    return [replace(c, benchmark=benchmark) if c.kind == "score" and c.benchmark is None else c for c in claims]


def _the_usual_metric(claims: list[Claim], names: dict) -> list[Claim]:
    """A score whose sentence names no metric is in the one metric the abstract names, else in its
    benchmark's usual metric (data/usual_metrics-pwc.csv): "85.4% on ImageNet" is top-1 accuracy.
    A lower-is-better usual metric is not taken for a percentage above 50, which is not an error rate."""
    if not any(c.kind == "score" and c.metric is None for c in claims):
        return claims
    named = {rules.canonical_metric(alias) for _, _, alias in names["metrics"]}
    usual = rules.usual_metrics()

    def metric_of(claim: Claim) -> str | None:
        if len(named) == 1:
            return next(iter(named))
        metric = usual.get(claim.benchmark or "")
        if metric and rules.metric_direction(metric) == "lower" and claim.unit == "%" and (claim.value or 0) > 50:
            return None
        return metric

    return [replace(c, metric=metric_of(c)) if c.kind == "score" and c.metric is None else c for c in claims]


@dataclass(slots=True)
class _Sentence:
    """One sentence being read, with what its claims share."""

    prepared: Prepared
    text: str  # the sentence, prepared
    offset: int  # where it starts in the prepared text
    original: str  # the sentence as the paper wrote it
    method: Callable[[], str | None]  # the paper's method name, found on first call
    introduced: bool  # the authors have spoken of their own work by this sentence
    names: dict  # lexicon.find_names, for this sentence


def _sentence_claims(context: _Sentence, devices: list, starts: list[int]) -> list[Claim]:
    sentence, names = context.text, context.names
    out = [_device_claim(context, d) for d in devices]
    taken = [(s, e) for s, e, _, _ in devices]
    previous: tuple[Quantity, str] | None = None
    last: Claim | None = None
    last_result: tuple[int, Claim] | None = None  # end (in the sentence) and claim of the last score/improvement
    pending_bare: list[Quantity] = []  # bare numbers skipped just before, in a list: "86.41, 85.46, and 94.2 F1"
    for q in find_quantities(sentence, starts):
        if taken and any(s <= q.start < e for s, e in taken) and not _is_memory(q):
            continue  # the count of a device ("8 A100 GPUs"); a memory size ("a 24GB GPU") stays a claim
        in_list = bool(previous and last and _list_gap(sentence, previous[0].end, q.start))
        reading = read_quantity(sentence, q, names)
        if in_list:
            reading = _like_list_neighbour(q, reading, last)
        elif last_result and (RESULT_LIST_GAP.match(sentence[last_result[0] : q.start])
                              or PAREN_ASIDE.match(sentence[last_result[0] : q.start])):
            reading = _like_list_neighbour(q, reading, last_result[1])
            in_list = bool(previous and last is last_result[1] and RESULT_LIST_GAP.match(sentence[last_result[0] : q.start]))
        if reading is None or not _finite(reading):
            if not (q.unit or q.noun or q.from_word or q.is_range or q.scale != 1):
                if pending_bare and not LIST_GAP.match(sentence[pending_bare[-1].end : q.start]):
                    pending_bare = []
                if not YEAR.fullmatch(sentence, q.start, q.end):  # "YouTube-VIS 2019 & 2021, and 19.6 AP"
                    pending_bare.append(q)
            continue
        qualifier = qualifier_of(sentence, q, previous[0].end if previous else 0)
        if qualifier == "exact" and in_list and previous[1] in ("max", "approx", "lower", "upper"):
            qualifier = previous[1]
        if previous and q.sign and reading.kind == "improvement" and SIGNED_ASIDE.match(sentence, previous[0].end, q.start) \
                and _re(r"\s*\)").match(sentence, q.end):
            out.append(_claim(context, q, reading, qualifier))
            continue  # "49.4 (+1.0), 60.2 (+0.6)": the gain in parentheses leaves the list of scores as it was
        previous = (q, qualifier)
        last = _claim(context, q, reading, qualifier)
        if pending_bare and reading.unit == "point" and reading.kind in ("score", "improvement") \
                and LIST_GAP.match(sentence[pending_bare[-1].end : q.start]):
            if reading.kind == "score" and reading.rule == "bare:score" and _by_before(sentence, pending_bare[0]):
                reading = replace(reading, kind="improvement", rule="bare:improvement+list")  # "by 3.92, 1.49 and 1.04 BLEU points"
                last = _claim(context, q, reading, qualifier)
            for head in pending_bare:
                first = Reading(reading.kind, head.value, None, None, "point", reading.aspect, "bare:list-head", reading.metric)
                out.append(_claim(context, head, first, qualifier_of(sentence, head, 0)))
        pending_bare = []
        out.append(last)
        if last.kind in ("score", "improvement"):
            last_result = (q.end, last)
    if len(out) < 2:
        return out
    out = _lists_take_later_kind(context.prepared.original, sorted(out, key=lambda c: (c.start, c.end)))
    out = _lists_share_metric(context.prepared.original, out)
    out = _bounds_take_kind(context.prepared.original, out)
    return _respectively(context, _change_ends_take_start(context.prepared.original, out))


def _change_ends_take_start(original: str, claims: list[Claim]) -> list[Claim]:
    """"on CIFAR-10 from 91.2% to 94.3% and on ImageNet ...": a change's two scores are on one benchmark, its start's."""
    out = list(claims)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if a.kind == b.kind == "score" and a.benchmark and b.benchmark != a.benchmark \
                and CHANGE_GAP.fullmatch(_gap(original, a.end, b.start)) and FROM_BEFORE.search(original, max(0, a.start - 8), a.start):
            out[i] = replace(b, benchmark=a.benchmark, split=a.split)
    return out


TYPE_STYLE = regex.compile(r"\\(?:textbf|textit|emph|underline|mathbf|bf|it)\s*\{|[{}]")


def _gap(original: str, end: int, start: int) -> str:
    """The words between two claims, without type style: "\\textbf{25\\%} and \\textbf{40\\%}" joins by " and "."""
    return TYPE_STYLE.sub("", original[end:start])


def _by_before(sentence: str, q: Quantity) -> bool:
    """Is the number the amount of a change ("by 3.92", "a gain of 1.2")?"""
    return bool(BY_BEFORE.search(sentence[max(0, q.start - 60) : q.start]))


def _list_gap(sentence: str, end: int, start: int) -> bool:
    """Do only a list separator, and perhaps the unit a value is written in, part two numbers ("3.92° and 10.41°")?"""
    gap = PAREN_GAIN.sub("", sentence[end:start], count=1)  # "49.4 (+1.0), 60.2"
    return bool(LIST_GAP.match(gap)) or (len(gap) < 20 and bool(
        LIST_GAP.match(sentence[lexicon.score_unit_regex().match(sentence, end, start).end() : start])))


# "the previous state-of-the-art one-step model (FID=6.47)": a number quoted in parentheses for a baseline
QUOTED_BEFORE = regex.compile(r"\b(?:previous|prior|existing|former|competing|baseline)\b[^.;()]{0,60}\(\s*(?:[\p{L}\-]+\s*[=:]?\s*)?$", regex.I)
BOUND_ASIDE = regex.compile(r"\((?:up\s+to|as\s+much\s+as|at\s+most|maximum|max\.?)\s*$", regex.I)


def _bounds_take_kind(original: str, claims: list[Claim]) -> list[Claim]:
    """"33% performance improvement on average (up to 49%)": the bound in parentheses is the same kind
    of claim as the one it bounds, with its baseline and aspect."""
    out = list(claims)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if b.kind == "score" and a.kind in ("improvement", "speedup", "reduction") and a.unit == b.unit \
                and BOUND_ASIDE.search(original, a.end, b.start) and not regex.search(r"\d", original[a.end : b.start]):
            out[i] = replace(b, kind=a.kind, baseline=a.baseline, aspect=a.aspect, benchmark=a.benchmark,
                             metric=a.metric, subject=a.subject, rule=b.rule + "+bound")
    return out


def _respectively(context: _Sentence, claims: list[Claim]) -> list[Claim]:
    """"86.4, 85.5 and 94.2 F1 on ACE2004, ACE2005 and NNE, respectively": as many distinct
    benchmarks (or metrics) as scores pair with them in order. Without "respectively", only a list
    of scores written before a list of as many names ("FIDs of 10.78, 3.52 and 21.17 on SLIVER07,
    ChestX-ray14 and ACDC"). A list of names the catalogue knows only in part ("DRIVE, CHASE-DB1, and
    STARE") is read whole with "respectively", or when "sets", "datasets" ... ends it."""
    scores = [i for i, c in enumerate(claims) if c.kind == "score"]
    if len(scores) < 2:
        return claims
    out, said = list(claims), "respectively" in context.text
    for field, kind, canonical in (("benchmark", "benchmarks", rules.canonical_benchmark),
                                   ("metric", "metrics", rules.canonical_metric)):
        spans = context.names[kind] if kind == "benchmarks" else link.without_complement_tails(context.text, context.names[kind], canonical)
        listed = list(dict.fromkeys(canonical(alias) if kind == "benchmarks" else
                                    link.complement_of(context.text, e, canonical(alias)) for _, e, alias in spans))
        if len(listed) != len(scores) and kind == "benchmarks":  # "on DRIVE, CHASE-DB1, and STARE, respectively"
            names = link.name_list(context.text, spans or link.on_name_spans(context.text))
            if said or (names and SETS_AFTER.match(context.text, names[-1][1])):  # "on the Switchboard/CallHome subsets"
                spans, listed = names, list(dict.fromkeys(canonical(name) for _, _, name in names))
        if len(listed) != len(scores) or not spans:
            continue
        first_name, last_name = (context.prepared.to_original(context.offset + a, context.offset + b)[0]
                                 for a, b, _ in (spans[0], spans[-1]))
        listed_together = all(NAME_LIST_GAP.fullmatch(context.text, a[1], b[0]) for a, b in zip(spans, spans[1:]))
        if said or (listed_together and (all(claims[i].end <= first_name for i in scores)
                                         or all(claims[i].start > last_name for i in scores))):
            placed = {canonical(alias): (a, b) for a, b, alias in reversed(spans)} if field == "benchmark" else {}
            for i, name in zip(scores, listed):
                split = {"split": find_split(context.text, None, None, *placed[name])} if name in placed else {}
                out[i] = replace(out[i], **{field: name}, **split)
    return out


def _lists_take_later_kind(original: str, claims: list[Claim]) -> list[Claim]:
    """"about 10% and 19% relative improvement": a default score before an improvement in a list is one too."""
    out = list(claims)
    for i in range(len(out) - 2, -1, -1):
        a, b = out[i], out[i + 1]
        if a.kind == "score" and b.kind == "improvement" and a.unit == b.unit and a.rule in ("percent:score", "bare:score") \
                and METRIC_LIST_GAP.match(_gap(original, a.end, b.start)):
            out[i] = replace(a, kind="improvement", rule=a.rule + "+list")
    return out


def _lists_share_metric(original: str, claims: list[Claim]) -> list[Claim]:
    """"1.98% and 3.15% EER": scores listed before one metric's name are all in it."""
    out = list(claims)
    for i in range(len(out) - 2, -1, -1):
        a, b = out[i], out[i + 1]
        if a.kind == b.kind == "score" and a.metric is None and b.metric and a.unit == b.unit \
                and LIST_GAP.match(_gap(original, a.end, b.start)):
            out[i] = replace(a, metric=b.metric)
    return out


def _like_list_neighbour(q: Quantity, reading, last: Claim):
    """In a list ("by 8.25%, 29.87%, and 10.11%"; "FID of 2.51 and 3.25"), a number whose own
    reading is a default takes its neighbour's kind."""
    if last.kind not in ("improvement", "score"):
        return reading
    if reading is None and not (q.unit or q.noun or q.scale != 1 or q.from_word) and last.unit == "point":
        return Reading(last.kind, q.value, None, None, "point", None, "bare:list")
    if reading is not None and reading.unit == last.unit and reading.kind != last.kind \
            and reading.rule in ("percent:score", "bare:score", "unit:decibel-value"):
        return replace(reading, kind=last.kind, rule=reading.rule + "+list")
    return reading


def _is_memory(q: Quantity) -> bool:
    spelling = lookup_unit(q.unit) if q.unit else None
    return spelling is not None and spelling.family == "byte"


def _finite(reading) -> bool:
    value, low, high = reading.value, reading.low, reading.high
    return (value is None or math.isfinite(value)) and (low is None or math.isfinite(low)) \
        and (high is None or math.isfinite(high))


def _span(context: _Sentence, start: int, end: int) -> tuple[int, int, str]:
    prepared = context.prepared
    s, e = prepared.to_original(context.offset + start, context.offset + end)
    s, e = widen_to_math(prepared.original, s, e)
    return s, e, prepared.original[s:e]


def _claim(context: _Sentence, q: Quantity, reading, qualifier: str) -> Claim:
    sentence, names, method, introduced = context.text, context.names, context.method(), context.introduced
    start, end, surface = _span(context, q.start, q.end)
    is_change_from = bool(_re(r"\bfrom\s*$").search(sentence[max(0, q.start - 8) : q.start])) and _is_change(sentence, q.start)
    subject = link.sentence_subject(sentence, q.start, method if introduced else None)
    subject = method if subject and link.is_method_macro(subject) else link.plain_name(subject)
    if reading.kind == "score" and (named := link.model_after(sentence, q.end)):
        subject = named  # "from 73.8% to 82.3% for ResNet-50": the model the score is for
    quoted = reading.kind == "score" and (named := link.baseline_before_paren(sentence, q.start)) and named != method
    if quoted:
        subject = named  # "outperforming methods such as MixMatch (52.46%)": the baseline's score, quoted
    baseline = link.plain_name(link.find_baseline(sentence, q.start, q.end, phrases=reading.kind in GAIN_KINDS)) \
        if reading.kind in COMPARED_KINDS else None
    if baseline == subject:
        baseline = None
    result = reading.kind in RESULT_KINDS
    change_to = CHANGE_TO.match(sentence, q.end) if is_change_from else None  # "from 37.17 dB to 38.41 dB on SOTS"
    change_to = change_to if change_to and _re(r"\s+(?:on|in|for|over)\b").match(sentence, change_to.end()) else None
    benchmark, name_start, name_end = link.find_benchmark_span(
        sentence, q.start, names, change_to.end() if change_to else q.end) if result else (None,) * 3
    return Claim(
        kind=reading.kind, surface=surface, value=reading.value, low=reading.low, high=reading.high,
        unit=reading.unit, qualifier=qualifier, subject=subject, baseline=baseline,
        benchmark=link.plain_name(benchmark),
        split=find_split(sentence, q.start, q.end, name_start, name_end) if benchmark else None,
        metric=(rules.canonical_metric(reading.metric) if reading.metric else link.find_metric(sentence, q.start, q.end, names))
        if result else None,
        aspect=reading.aspect,
        hardware=link.find_hardware(sentence, q.start, names) if reading.kind in PERFORMANCE_KINDS else None,
        count=None, own=(introduced or (subject is not None and subject == method)) and not is_change_from and not quoted
        and not (reading.kind == "score" and QUOTED_BEFORE.search(sentence, max(0, q.start - 90), q.start)),
        start=start, end=end, sentence=context.original, rule=reading.rule)


def _device_claim(context: _Sentence, device) -> Claim:
    s, e, name, count = device
    start, end, surface = _span(context, s, e)
    return Claim(kind="hardware", surface=surface, value=name, low=None, high=None, unit=None, qualifier="exact",
                 subject=None, baseline=None, benchmark=None, metric=None, aspect=None, hardware=name,
                 count=count, own=None, split=None, start=start, end=end, sentence=context.original,
                 rule="hardware:catalogue" if name not in ("GPU", "TPU", "CPU", "NPU", "node") else "hardware:counted")
