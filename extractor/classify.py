"""Decide what a quantity measures: its kind, canonical value and unit,
qualifier and aspect, from its unit or noun and the words around it."""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass, replace

import regex

from . import lexicon
from .rules import metric_direction
from .scanner import Quantity, _is_change

from .lexicon import compiled as _re  # noqa: E402 (inline patterns, compiled once)

SHARE_OF_COST = regex.compile(r"""^\s*(?:extra\s+|additional\s+)?(?:of\s+(?:the\s+|its\s+|their\s+|all\s+|a\s+)?)?(?:[\p{L}'\-]+\s+){0,3}?
    (?P<what>(?:(?:trainable|tunable|learnable|total|model|backbone|training|pre-training|fine-tuning|original|retained)\s+)*
      (?:parameters|params|parameter\s+budget|data|tokens|samples|computation|compute|[GMT]?FLOPs|G?MACs|memory|costs?|budget|training\s+time|time|
       labels|annotations|examples|images))\b""", regex.X | regex.I)
SHARE_OF_PERFORMANCE = regex.compile(r"^\s*(?:of\b|performance\s+of\b)", regex.I)
RETAINED_METRIC = regex.compile(r"^\s*(?:of\s+(?:the\s+|its\s+)?)?(?:performance|accuracy|(?:[\p{L}\-]+\s+)?throughput)\b", regex.I)
RETAIN_ONLY = regex.compile(r"\b(?:retain|maintain|recover|preserv|keep)\w*\s+(?:\w+\s+){0,2}$", regex.I)
GAIN_LEAD = regex.compile(r"\b(?:gains?|improvements?|increases?|boosts?|speed-?ups?)\s*[:(]\s*$", regex.I)
BARE_FOLLOWER = regex.compile(r"^(?:\s*(?:[,.;:)\]]|$|(?:on|in|and|or|for|vs\.?|versus|with|at|to|from|over|than|when|while|compared|respectively|points?|higher|lower|better|gains?|improvements?|score|scores|decreases?|increases?|reductions?|drops?|boosts?|after|before|under|without|using|across|by|within|of|as|if|per|among|the|a|an|which|that|is|are|was|were|whereas|while|achieved|obtained|reported)\b)|\s*%)", regex.I)
RETAIN = regex.compile(r"\b(?:retain|maintain|recover|preserv|keep|achiev|reach|attain)\w*\s+(?:\w+\s+){0,2}$", regex.I)
SHARE_LEAD = regex.compile(r"\b(?:only|just|mere|merely|using|uses|use|tuning|training|updating|with|requires?|requiring|utiliz\w+|introduc\w+|adds?|adding|at|freez\w+|prun\w+|eliminat\w+|remov\w+)\s+(?:[\w~≈]+\s*){0,3}$", regex.I)
COMPLEMENT_LEAD = regex.compile(r"\b(?:freez\w+|prun\w+|eliminat\w+|remov\w+|sav\w+)\s+(?:[\w~≈]+\s*){0,3}$", regex.I)
COST_CUT_AFTER = regex.compile(r"^\s*(?:fewer|less|lower|reduction|reduced|decrease|smaller|savings?|cheaper|compression)\b", regex.I)
BY_BEFORE = regex.compile(r"(?:\bby(?:\s+(?:absolute|relative))?|\b(?:gains?|improvements?|increases?|boosts?|reductions?|margins?|decreases?|drops?|advantage|lead)(?:\s+in\s+[\p{L}\-]+(?:\s+[\p{L}\-]+)?)?\s+of)\s+(?:an?\s+)?(?:average\s+of\s+)?(?:up to\s+|over\s+|about\s+|around\s+|nearly\s+|approximately\s+|roughly\s+|more than\s+|at\s+least\s+|almost\s+|~\s*)?$", regex.I)
SCORE_CUE = regex.compile(r"\b(?:score[sd]?|achiev\w*|reach\w*|obtain\w*|attain\w*|accuracy\s+of)\s+(?:\w+\s+){0,2}$", regex.I)
GAIN_AFTER = regex.compile(r"\s*(?:\([^()]{0,40}\)\s*)?(?:[\p{L}\-^][\p{L}\p{N}\-^@]*\s+(?:\([^()]{0,40}\)\s*)?){0,3}?(?:improvements?|higher|gains?|better|increases?|boosts?|reductions?|lower|less|fewer|decreases?|relative|absolute|drops?|degradation|advantage|margin|speed-?ups?|savings?)\b", regex.I)
COST_NOUN_AFTER = regex.compile(r"\s*(?:[\p{L}\-]+\s+)?(?:FLOPs|parameters|params|memory|latency|compute|computation|cost|energy|storage)\b", regex.I)
CORPUS_BEFORE = regex.compile(r"\b(?:corpus|corpora|dataset|data set|training data|pretraining data|pre-training data)\b", regex.I)
NAME_NUMBER_BEFORE = regex.compile(r"(?<=[\p{L}\p{N},;:]\s)\p{Lu}[\p{L}\-]*\s+$")  # "the Atari 2600": a name's number ("Over 100" opens a sentence)
ANAPHOR_BEFORE = regex.compile(r"\bany\s+$", regex.I)
LEARNED_FROM_BEFORE = regex.compile(r"\b(?:from|on|with\s+only|using\s+only|only)\s+(?:even\s+)?$", regex.I)
ONE_ITEM = regex.compile(r"\s+(?:[\p{Ll}\-]+\s+)?(?P<item>video|problem|example|image|document|demonstration|prompt)\b(?!\s+(?:and|or)\b|-)", regex.I)
GAIN_VERB_BEFORE = regex.compile(r"\b(?:gains?|improves?|boosts?|increases?|adds?|lifts?|raises?|sacrific(?:e|es|ed|ing)|los(?:e|es|ing|t))\s+(?:only\s+)?(?:by\s+|of\s+|up to\s+|about\s+|over\s+)?$", regex.I)
DIGIT = regex.compile(r"(?<![\p{L}\-])\d")
YEAR = regex.compile(r"^(?:19|20)\d\d$")
DATA_WORDS = regex.compile(r"\b(?:data|structures|samples|images|pairs|examples|corpus|dataset|instructions|videos|documents|trajectories)\b", regex.I)
MODEL_WORDS = regex.compile(r"\b(?:model|models|param\w*|LLMs?|network|backbone|size|sized|scale)\b", regex.I)
DATA_OF = regex.compile(r"^\s*(?:of\s+)?(?:[\w-]+\s+){0,2}(?:data|text|corpus|corpora|dataset|images|videos|speech|audio)\b", regex.I)
HOURS_OF = regex.compile(r"^\s*(?:of\s+)(?:[\w-]+\s+){0,3}?(?P<what>speech|audio|video|videos|recordings|data|supervision|transcripts|transcribed|labeled|labelled|unlabeled|unlabelled|footage)\b", regex.I)
SEQUENCE_LENGTH = regex.compile(r"\b(?:seq(?:uence)?\.?|context|input)\s+(?:length|window|size)s?\s*(?:of\s+|=\s*|:\s*)?(?:up to\s+)?$", regex.I)
MODEL_AFTER = regex.compile(r"[\s-]*(?:\w+[\s-]+){0,2}?(?:model|LLM|LM|backbone|network|transformer|version|variant|parameter)s?\b", regex.I)
CLAUSE_EDGE = regex.compile(r"[,;:()]|\.(?=\s|$)|\band\b|\bwhile\b|\bwhereas\b|\bwhich\b")
FAMILY_KIND = {"byte": "memory", "time": "time", "gpu_time": "compute", "flop": "compute",
               "throughput": "throughput", "energy": "energy", "power": "energy"}


@dataclass(slots=True)  # not frozen: a frozen dataclass costs three times as much to build
class Reading:
    """What a quantity was read as."""

    kind: str
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    aspect: str | None
    rule: str
    metric: str | None = None  # the metric's name as written, when the rule read the number as its value


def clause_around(text: str, start: int, end: int, reach: int = 90) -> tuple[int, int]:
    """The clause holding a quantity: up to the nearest comma, semicolon or parenthesis."""
    left = text[max(0, start - reach) : start]
    edges = list(CLAUSE_EDGE.finditer(left))
    lo = start - len(left) + (edges[-1].end() if edges else 0)
    right = text[end : end + reach]
    edge = CLAUSE_EDGE.search(right)
    return lo, end + (edge.start() if edge else len(right))


def cue_roles(text: str, lo: int, hi: int, names: dict | None = None) -> list[tuple[str, str | None, int]]:
    """``(role, aspect, position)`` of every cue starting between ``lo`` and ``hi``, read left to right,
    longest first, never overlapping (``names``: ``lexicon.find_names(text)``, when the caller has it)."""
    roles = lexicon.cue_roles_by_word()
    cues = (lexicon.find_names(text) if names is None else names)["cues"]
    limit, reach, found = min(len(text), hi + 20), lo, []  # a cue may run a little past hi
    for start, end, cue in cues[bisect.bisect_left(cues, lo, key=_start) :]:
        if start >= hi:
            break
        if start >= reach and end <= limit:
            found.append((*roles[cue], start))
            reach = end
    return found


def _start(span: tuple) -> int:
    return span[0]


def _metric_between(text: str, lo: int, hi: int, names: dict | None) -> bool:
    """True when a metric's name lies in ``text[lo:hi]``."""
    return any(lo <= s and e <= hi for s, e, _ in (lexicon.find_names(text) if names is None else names)["metrics"])


def _scaled(q: Quantity, multiplier: float = 1.0) -> tuple[float | None, float | None, float | None]:
    factor = q.scale * multiplier
    if q.is_range:
        ends = sorted((q.value * factor if q.scale != 1 or multiplier != 1 else q.value * multiplier, q.high * multiplier))
        return None, ends[0], ends[1]
    return q.value * factor, None, None


def read_factor(text: str, q: Quantity, names: dict | None = None) -> Reading:
    """A factor (x, times, -fold, an order of magnitude): a speedup or a reduction."""
    lo, hi = clause_around(text, q.start, q.end)
    right_after = [c for c in cue_roles(text, q.end, min(hi, q.end + 25), names) if c[0] in ("speed", "cost", "reduce")]
    if right_after:  # "7.5x fewer parameters and 9.4x faster": the word after the factor decides
        lo, hi = q.start, min(hi, q.end + 25)
    cues = cue_roles(text, lo, hi, names)
    if not any(r in ("speed", "cost", "reduce") for r, _, _ in cues):
        cues = cue_roles(text, max(0, q.start - 60), hi, names)  # a bare "(65X)": read the words before it
    speed = [c for c in cues if c[0] == "speed"]
    cost = [c for c in cues if c[0] in ("cost", "reduce")]
    value, low, high = _scaled(q)
    kind = "speedup" if speed or not cost else "reduction"
    if right_after and right_after[0][0] in ("cost", "reduce") and cost \
            and not any(r == "speed" and a != "inference" for r, a, _ in right_after):
        kind = "reduction"  # "12.3x lower energy per inference"; "4x less training time" stays a speedup
    chosen = speed if kind == "speedup" else cost
    aspects = sorted((abs(p - q.start), a) for _, a, p in chosen if a)
    if kind == "speedup" and value and SLOWDOWN_AFTER.match(text, q.end):
        return Reading(kind, round(1 / value, 4), None, None, "x", aspects[0][1] if aspects else None, "factor:slowdown")
    return Reading(kind, value, low, high, "x", aspects[0][1] if aspects else None, f"factor:{kind}")


SLOWDOWN_AFTER = regex.compile(r"\s*(?:[\p{L}\-]+\s+)?slow-?downs?\b", regex.I)  # "a 2x slowdown" is a speedup of 0.5


def read_percent(text: str, q: Quantity, point: bool, names: dict | None = None) -> Reading:
    """A percentage or points: a share of a cost, an improvement, or a score."""
    unit = "point" if point else "%"
    value, low, high = _scaled(q)
    after, before = text[q.end : q.end + 80], text[max(0, q.start - 60) : q.start]
    if not point and (m := SHARE_OF_COST.match(after)) and not COST_CUT_AFTER.match(after) and SHARE_LEAD.search(before):
        if COMPLEMENT_LEAD.search(before):
            return Reading("improvement", value, low, high, unit, m["what"].lower(), "percent:share-removed")
        flip = (lambda v: None if v is None else 100 - v)
        return Reading("improvement", flip(value), flip(high), flip(low), unit, m["what"].lower(), "percent:share-of-cost")
    if not point and ((SHARE_OF_PERFORMANCE.match(after) and RETAIN.search(before))
                      or (RETAINED_METRIC.match(after) and RETAIN_ONLY.search(before))):
        shift = (lambda v: None if v is None else v - 100)
        return Reading("improvement", shift(value), shift(low), shift(high), unit, "performance", "percent:share-of-performance")
    if not point and after.lstrip(" )").startswith("of ") and SHARE_OF_ITEMS.match(after.lstrip(" )")) and not _metric_leads(text, q, names) and not SCORE_CUE.search(before[-25:]):
        return None  # "80.76% of the out-of-vocabulary questions have answers ...": a share of the data, not a result
    if _is_change_end(text, q):
        return Reading("score", value, low, high, unit, None, "percent:change")
    if not point and COUNT_PAREN_BEFORE.search(before):
        return None  # "196,254 (96.8%) masks": the share a count is of its whole, not a result
    if "(" in before[-14:] and (MARGIN_PAREN_BEFORE.search(before) or CHANGE_PAREN_BEFORE.search(before)):  # "by a wide margin (12%)", "from 22.08 to 14.32 (35%)"
        return _improvement(text, q, value, low, high, unit, *clause_around(text, q.start, q.end, 60), names)
    lo, hi = clause_around(text, q.start, q.end, 60)
    next_number = DIGIT.search(text, q.end, hi)  # cues beyond the next number belong to it
    hi = next_number.start() if next_number else hi
    near_after = cue_roles(text, q.end, min(hi, q.end + 40), names)
    near_before = cue_roles(text, max(lo, q.start - 45), q.start, names)
    if GAIN_AFTER.match(after) or q.sign in ("+", "-") or MORE_AFTER.match(after):  # a signed number is a difference
        return _improvement(text, q, value, low, high, unit, lo, hi, names)
    if "(" in before[-3:] and _margin_on_benchmark(text, q):  # "over strong baselines, e.g. TabFact (4.3%), FUNSD (1%)"
        return _improvement(text, q, value, low, high, unit, max(0, q.start - 60), hi, names)
    if GAIN_PAREN_BEFORE.search(text, max(0, q.start - 100), q.start):  # "can be further improved (up to 20%)": the gain, in parentheses
        return _improvement(text, q, value, low, high, unit, max(0, q.start - 60), hi, names)
    if SIGNED_ASIDE_AFTER.match(after):  # "ImageNet 79.3% (+ 2.6%)": the value whose gain the aside gives
        return Reading("score", value, low, high, unit, None, "percent:score-with-gain")
    if q.sign != "+" and _metric_of_before(before) and not BY_BEFORE.search(before):  # not "an increase in precision of 1.6%"
        return Reading("score", value, low, high, unit, None, "percent:metric-of", _metric_just_before(before))
    if not point and q.sign is None and RAISED_TO_BEFORE.search(before):  # "we boost it to 47.3% AP"
        return Reading("score", value, low, high, unit, None, "percent:raised-to")
    if not point and q.sign is None and _lowered_to(text, q, names):  # "further reduces PER to 17.6%"
        return Reading("score", value, low, high, unit, None, "percent:lowered-to")
    if q.sign is None and BOUND_BEFORE.search(before) and not BY_BEFORE.search(before) and not GAIN_AFTER.match(after) \
            and (metric := _metric_follows(text, q, names)):  # "exceeds 80% accuracy", "below 5% WER"
        return Reading("score", value, low, high, unit, None, "percent:bounded-score", metric)
    gain = q.sign == "+" or BY_BEFORE.search(before) or GAIN_LEAD.search(before) or (_mentions(text, max(0, q.start - 14), q.start, (" is ", " are ", " was ", " were ", "amount"))
                                                                   and GAIN_IS_BEFORE.search(text, max(0, q.start - 100), q.start)) \
        or (_mentions(before, 0, len(before), ("ncrease", "mprovement", "ain", "oost")) and GAIN_OF_BEFORE.search(before)) \
        or any(r in ("gain", "reduce", "drop") or (r == "speed" and not a) for r, a, _ in near_after + near_before)  # "faster", not "inference"
    if (gain and (not SCORE_CUE.search(before[-25:]) or BY_BEFORE.search(before))) or (point and not SCORE_CUE.search(before)) \
            or q.sign == "+":  # "boosting the inception score by 24.66%": a gain, however near the word "score"
        return _improvement(text, q, value, low, high, unit, lo, hi, names)
    if not point and not SCORE_CUE.search(before[-25:]) and not _has_metric(text, q, names) and \
            any(r in ("gain", "reduce", "drop") for r, _, _ in cue_roles(text, lo, hi, names)):
        return Reading("improvement", value, low, high, unit, None, "percent:improvement-in-clause")
    return Reading("score", value, low, high, unit, None, "percent:score")


# "an absolute increase of top-1 accuracy on ImageNet between 0.5% and 2.7%": the amount of a gain, named before it
GAIN_OF_BEFORE = regex.compile(r"\b(?:increases?|improvements?|gains?|boosts?)\s+(?:of|in)\s+(?:[^.;,\d]|(?<=[\p{L}\-])\d){0,50}?\b(?:between|of|by)\s+$", regex.I)
SHARE_OF_ITEMS = regex.compile(r"""\s*of\s+(?:the\s+|all\s+|its\s+|their\s+|these\s+|those\s+)?(?:[\p{L}\-]+\s+){0,3}?
    (?:questions|queries|answers|users|participants|respondents|people|patients|subjects|cases|instances|sentences|documents|
       papers|articles|posts|videos|frames|pixels|objects|words|errors|failures|bugs|programs|problems|repositories|apps|
       classes|outputs|samples|images|examples|activations|neurons|weights|tokens|layers|heads|channels)\b
    [^,;.()]{0,60}?\b(?:have|has|are|is|were|was|contain\w*|lack\w*|come|came|appear\w*|suffer\w*|exhibit\w*|belong\w*|remain\w*)\b""", regex.X | regex.I)  # a statistic, not "solves 45% of the problems"
THRESHOLD_BEFORE = regex.compile(r"(?:\bt?IoU\s*(?:>=?|≥|>)|(?:@|\bat\s+)t?IoU\s*=|\b(?:IoU|overlap|confidence)\s+thresholds?\s+(?:of\s+)?)\s*$", regex.I)
# "the relative improvement in frame accuracy of our model is 3.79% and 5.42%": the gain's amount, stated
GAIN_IS_BEFORE = regex.compile(r"\b(?:improvements?|gains?|increases?|reductions?)\s+(?:in|of)\b[^.;,()\d]{0,80}?\s(?:is|are|was|were|amounts?\s+to)\s+(?:about\s+|around\s+|up\s+to\s+)?$", regex.I)
LOWERED_TO_BEFORE = regex.compile(r"\b(?:reduc|lower|decreas|cut|bring|brought|push)\w*\s+(?:[\w'-]+\s+){0,5}?to\s+(?:only\s+|just\s+)?$", regex.I)


def _mentions(text: str, lo: int, hi: int, words: tuple[str, ...]) -> bool:
    """A substring test before a regex: is one of ``words`` in ``text[lo:hi]``?"""
    window = text[lo:hi]
    return any(w in window for w in words)


def _lowered_to(text: str, q: Quantity, names: dict | None) -> bool:
    """"reduces the word error rate to 5.2%": a metric that is better lower, brought down to a value
    (not "reduces latency by up to 58.3%", a cut)."""
    if "to" not in text[max(0, q.start - 12) : q.start] or BY_BEFORE.search(text, max(0, q.start - 40), q.start):
        return False
    found = LOWERED_TO_BEFORE.search(text, max(0, q.start - 70), q.start)
    if not found:
        return False
    spans = (lexicon.find_names(text) if names is None else names)["metrics"]
    return any(found.start() <= s and e <= q.start and metric_direction(alias) == "lower" for s, e, alias in spans)


# a verb of proposal before a count in its clause: "we propose", "presenting Luffy, a ... system with", "we design"
PROPOSED_BEFORE = regex.compile(r"\b(?:propos|introduc|present|design|develop|devis)\w*\b[^.;:]*?$", regex.I)
GAIN_PAREN_BEFORE = regex.compile(r"\b(?:improv|increas|boost|reduc|rais|lift|cut|lower|decreas|gain)\w*(?:\s*\(\s*(?:by\s+)?(?:up\s+to|about|around|nearly|over|approximately|~)?"
                               r"|(?:\s+[\p{L}\-]+){1,6}\s*\(\s*(?:by\s+)?(?:up\s+to|by))\s*$", regex.I)  # "reduce energy dramatically (up to 80%)"
SIGNED_ASIDE_AFTER = regex.compile(r"\s*\(\s*[+\-−]\s*\d")
LESS_THAN = regex.compile(r"(?:less|fewer)\s+than\b", regex.I)
MORE_AFTER = regex.compile(r"\s*more\s+(?!than\b)\p{L}", regex.I)  # "processes 30% more pixels"
BOUND_BEFORE = regex.compile(r"\b(?:exceed(?:s|ed|ing)?|above|over|beyond|more\s+than|at\s+least|below|under|less\s+than|at\s+most)\s+$", regex.I)
SPLIT_COLON_BEFORE = regex.compile(r"[(,;]\s*(?:val|validation|test|dev|test-dev|test-std|minival)\s*:\s*$", regex.I)
RAISED_TO_BEFORE = regex.compile(r"\b(?:boost|improv|increas|rais|push|lift|bring|brought|advanc)\w*\s+(?:[\w'-]+\s+){0,8}?(?<!\bup\s)to\s+(?:an?\s+)?(?:new\s+)?$", regex.I)
COUNT_PAREN_BEFORE = regex.compile(r"(?<=(?:^|[\s(,;:]\p{Ll}+|[,;:])\s)\d[\d,]*\s*\(\s*$")  # a count after a plain word, not "VOC 2007 ("
CHANGE_PAREN_BEFORE = regex.compile(r"\bfrom\s+[\d.,]+\s*%?\s*to\s+[\d.,]+\s*%?\s*\(\s*$", regex.I)  # the change's relative size
MARGIN_PAREN_BEFORE = regex.compile(r"\b(?:margins?|gap|lead)\s*\(\s*(?:of\s+|about\s+|over\s+|up\s*to\s+)?$", regex.I)


def _improvement(text, q, value, low, high, unit, lo, hi, names) -> Reading:
    near = cue_roles(text, max(lo, q.start - 45), min(hi, q.end + 40), names)
    cost_after = COST_NOUN_AFTER.match(text, q.end)
    measured = cue_roles(text, q.end, min(len(text), q.end + 25), names)  # what follows the number is what it measures
    drops_before = [p for r, _, p in near if r == "drop" and p < q.start]  # "energy consumption drops by 42%": a cost fell
    dropped_cost = bool(drops_before) and any(r == "cost" or a == "latency" for r, a, p in near if p < drops_before[0])
    reduced_drop = bool(drops_before) and any(  # "reduces the accuracy loss by 30%"; not "drops by less than 0.5%"
        r == "reduce" and p < q.start and not LESS_THAN.match(text, p) for r, _, p in near)
    worse = (any(r == "drop" for r, _, _ in near) and not dropped_cost and not reduced_drop) or (q.sign == "-" and not cost_after
                                                    and not any(r in ("cost", "reduce") for r, _, _ in measured))
    sign = -1 if worse else 1
    aspects = sorted((abs(p - q.start), a) for _, a, p in near if a)
    return Reading("improvement", None if value is None else sign * value, low, high, unit,
                   aspects[0][1] if aspects else None, "percent:improvement")


def _has_metric(text: str, q: Quantity, names: dict | None) -> bool:
    lo, hi = clause_around(text, q.start, q.end, 50)
    return _metric_between(text, lo, hi, names)


# Between a metric's name and its value: "mAP of", "FID=", "AUC (0.424)", "mean average precision (mAP) of",
# "reducing the error to 33.4", "mAP 49.4 with ResNet-101".
METRIC_TO_VALUE = regex.compile(r"""\)?\s*(?:\([^()\d]{1,20}\)\s*)?(?:(?:of|=|:|is|was|were|to|at|from|reaching|reached|reaches)\s*)?
    (?:(?:about|around|only|just|approximately|roughly|nearly|over|above|below|under|up\s+to|as\s+(?:low|high)\s+as|~)\s*)?\(?\s*""", regex.X | regex.I)
# A value written where a name of what it is measured on follows: "78.6 on COCO test-dev", "0.651 on BLEU-1".
ON_OR_FOR = regex.compile(r"\s+(?:on|for)\s+(?:the\s+)?", regex.I)
RESULT_VERB_BEFORE = regex.compile(r"\b(?:achiev|obtain|reach|attain|scor|yield|establish|report|record|get|set)\w*\b", regex.I)


def _metric_leads(text: str, q: Quantity, names: dict | None) -> str | None:
    """The metric named just before a number it is the value of ("F1-score of 0.9096", "AUC (0.424)")."""
    spans = (lexicon.find_names(text) if names is None else names)["metrics"]
    for s, e, alias in reversed(spans[: bisect.bisect_left(spans, q.start, key=_start)]):
        if q.start - e > 40:
            return None
        if e <= q.start and METRIC_TO_VALUE.fullmatch(text, e, q.start):
            return alias
    return None


def _metric_follows(text: str, q: Quantity, names: dict | None) -> str | None:
    """The metric named right after a number, past a unit its value is written in ("42.1mm MPJPE") and up to
    two listed modifiers (data/metric_modifiers.csv)."""
    spans = (lexicon.find_names(text) if names is None else names)["metrics"]
    i = bisect.bisect_left(spans, q.end, key=_start)
    if i == len(spans) or spans[i][0] - q.end > 40:
        return None
    past_unit = lexicon.score_unit_regex().match(text, q.end).end()
    if past_unit == spans[i][0]:
        return spans[i][2]  # "42.1mm MPJPE"
    if lexicon.metric_modifiers_regex().fullmatch(text, past_unit, spans[i][0]) and METRIC_ENDS.match(text, spans[i][1]):
        return spans[i][2]  # "0.743 macro F1", "87.8% fine-tuning accuracy", not "12 test accuracy checks"
    return None


METRIC_ENDS = regex.compile(r"\s*(?:[,.;:()]|$|(?:on|in|for|and|or|with|at|across|over|while|when|than|compared|respectively|"
                            r"scores?|under|using|without|by|among|which|that|is|was)\b)", regex.I)


def _on_a_name(text: str, q: Quantity, names: dict | None) -> bool:
    """"achieves 78.6 on COCO test-dev, 93.0 on MPII": a value right before the benchmark or metric it is on."""
    gap = ON_OR_FOR.match(text, q.end)
    if not gap:
        return False
    found = lexicon.find_names(text) if names is None else names
    named = any(s == gap.end() for kind in ("benchmarks", "metrics") for s, _, _ in found[kind])
    verb = RESULT_VERB_BEFORE.search(text, max(0, q.start - 120), q.start)
    margin = _re(r"\b(?:by|gains?|improvements?|increases?|margins?|outperform\w*|surpass\w*)\b").search(
        text, verb.end() if verb else q.start, q.start)  # "surpassing it by 2.3 on STAC and 1.5 on Molweni"
    return named and bool(verb) and not margin


def read_bare(text: str, q: Quantity, names: dict | None = None) -> Reading | None:
    """A bare number beside a metric ("FID of 2.25", "BLEU 38.61", "+0.53"): a score or an improvement."""
    if YEAR.match(q.written.strip("+-")) or q.from_word:
        return None
    after = text[q.end : q.end + 30]
    if q.sign != "+" and not GAIN_AFTER.match(after) and ((leads := _metric_leads(text, q, names)) or _on_a_name(text, q, names)):
        return Reading("score", q.value, None, None, "point", None, "bare:metric-value", leads)
    near = text[max(0, q.start - 6) : q.start]
    if q.sign is None and ((":" in near and SPLIT_COLON_BEFORE.search(text, max(0, q.start - 20), q.start))
                           or ("to " in text[max(0, q.start - 14) : q.start] and RAISED_TO_BEFORE.search(text, max(0, q.start - 60), q.start))):
        return Reading("score", q.value, None, None, "point", None, "bare:split-or-raised")  # "(val: 66.3, test: 66.5)"
    if q.sign != "+" and _metric_of_before(text[max(0, q.start - 40) : q.start]) and _re(r"\s*(?:pm|±|[,;()]|$)").match(after):
        return Reading("score", q.value, None, None, "point", None, "bare:metric-value")
    if q.sign != "+" and PAREN_VALUE_FOR.match(text, q.end) and _paren_after_metric(text, q, names):
        return Reading("score", q.value, None, None, "point", None, "bare:paren-value")
    if q.sign is None and "." in q.written and SIGNED_ASIDE_AFTER.match(after):
        return Reading("score", q.value, None, None, "point", None, "bare:score-with-gain")  # "Amazon-Google 79.28 (+ 3.7)"
    gain_after = bool(GAIN_AFTER.match(after))
    follows = _metric_follows(text, q, names)
    if not (BARE_FOLLOWER.match(after) or follows or gain_after or (after.lstrip().startswith("(") and _is_change_end(text, q))) \
            or NAME_BEFORE.search(text[max(0, q.start - 30) : q.start]):
        return None  # "62 batteries", "10-step", "256*256", "SQuAD 2.0": not a metric value
    before = text[max(0, q.start - 40) : q.start]
    if (q.sign != "+" and _metric_of_before(before)) or (_is_change_end(text, q) and _metric_between(text, max(0, q.start - 150), q.start, names)):
        return Reading("score", q.value, None, None, "point", None, "bare:metric-value")
    lo, hi = clause_around(text, q.start, q.end, 60)
    if not _metric_between(text, lo, hi, names) and q.sign != "+" and not gain_after:
        return None
    reading = read_percent(text, q, point=True, names=names)
    if reading.kind == "improvement" and q.sign != "+" and not BY_BEFORE.search(text[max(0, q.start - 40) : q.start]) \
            and not MARGIN_PAREN_BEFORE.search(text[max(0, q.start - 30) : q.start]) \
            and not GAIN_VERB_BEFORE.search(text[max(0, q.start - 30) : q.start]) and not cue_roles(text, q.end, min(hi, q.end + 30), names):
        return Reading("score", q.value, None, None, "point", None, "bare:score", follows)
    return replace(reading, rule="bare:" + reading.kind, metric=follows)


# "... CLIP similarity scores nearly matching those in English (38.61 for English vs. 37.61 for others)"
PAREN_VALUE_FOR = regex.compile(r"\s+for\s+[^()]{1,40}?(?:\)|\s+vs\.?\s|,|;)")


def _paren_after_metric(text: str, q: Quantity, names: dict | None) -> bool:
    """Is the number inside parentheses opened just after a metric's name?"""
    opened = text.rfind("(", max(0, q.start - 80), q.start)
    if opened < 0 or ")" in text[opened:q.start]:
        return False
    return _metric_between(text, max(0, opened - 100), opened, names)


def replace_rule(reading: Reading, rule: str) -> Reading:
    return replace(reading, rule=rule)


PAREN_CHANGE_START = regex.compile(r"\s*(?:to|->|→)\s*[+-]?\d[\d.,]*\s*(?:%|\\%)?\s*[),;]")
PAREN_CHANGE_END = regex.compile(r"\(\s*(?:from\s+)?[+-]?\d[\d.,]*\s*(?:%|\\%)?\s*(?:to|->|→)\s*$")
METRIC_SCORE_BEFORE = regex.compile(r"(?:\b(?:average\s+|overall\s+|mean\s+)?scores?\s+(?:of\s+)?|[=:]\s*)$", regex.I)


def _metric_of_before(before: str) -> bool:
    """ "mAP of", "FID=", "an average score of" right before a number: its value, not a gain."""
    tail_text = before.rstrip()
    if not tail_text.endswith(("of", "=", ":", "score", "scores")):
        return False
    m = METRIC_SCORE_BEFORE.search(before)
    if m and "score" in m.group().lower():
        return True
    tail = _re(r"(?P<metric>\S+)\s*(?:of\s+|=\s*|:\s*)$").search(before)
    return bool(tail and lexicon.is_listed(tail["metric"].strip("("), "metrics"))


NAME_PAREN_BEFORE = regex.compile(r"(?P<name>[\p{L}\p{N}][\p{L}\p{N}\-.+]*)\s*\(\s*$")  # "MixMatch (", "TabFact ("
COMPARED_BEFORE = regex.compile(r"\b(?:outperform\w*|surpass\w*|over|than|compared\s+(?:to|with)|improv\w*\s+(?:on|over))\s", regex.I)


def _margin_on_benchmark(text: str, q: Quantity) -> bool:
    """A value in parentheses after a benchmark's name, in a sentence that compares with baselines and
    says no verb of achievement: the margin on that benchmark ("state-of-the-art performance over strong
    baselines, e.g. TabFact (4.3%), InfoVQA (1.4%)"), not a score."""
    named = NAME_PAREN_BEFORE.search(text, max(0, q.start - 40), q.start)
    if not named or not lexicon.is_listed(named["name"], "benchmarks"):
        return False
    compared = COMPARED_BEFORE.search(text, max(0, named.start() - 140), named.start())
    return bool(compared) and not SCORE_CUE_ANYWHERE.search(text, compared.end(), named.start())


SCORE_CUE_ANYWHERE = regex.compile(r"\b(?:achiev|attain|reach|obtain|scor|record)\w*", regex.I)


def _metric_just_before(before: str) -> str | None:
    """The metric named right before "of", "=" or ":" ("(top-5: 98.0%)", "FID=6.47"), if the catalogue has it."""
    tail = _re(r"(?P<metric>\S+)\s*(?:of\s+|=\s*|:\s*)$").search(before)
    name = tail["metric"].strip("(") if tail else None
    return name if name and lexicon.is_listed(name, "metrics") else None


def _is_change_end(text: str, q: Quantity) -> bool:
    """True for either end of "improves X from A to B" or "(A to B)" (a change: two scores, not a gain)."""
    before = text[max(0, q.start - 40) : q.start]
    if (_re(r"\(\s*(?:from\s+)?$").search(before) and PAREN_CHANGE_START.match(text, q.end)) or PAREN_CHANGE_END.search(before):
        return True
    if _re(r"\bfrom\s*$").search(before):
        return _is_change(text, q.start)
    m = _re(r"\bfrom\s+\S+\s+to\s*$").search(before)
    return bool(m) and _is_change(text, q.start - len(before) + m.start() + 5)


def read_quantity(text: str, q: Quantity, names: dict | None = None) -> Reading | None:
    """The reading of one quantity, or None when it is not a claim."""
    spelling = lexicon.lookup_unit(q.unit) if q.unit else None
    after = text[q.end : q.end + 60]
    if after[:1] == ")" and not q.unit and not q.noun and q.scale == 1 and not q.is_range and "." not in q.written \
            and (text[q.start - 1 : q.start] == "(" or _re(r"(?:^|[:;,])\s*$").search(text[max(0, q.start - 3) : q.start])):
        return None  # an enumerator: "(1) using ...", "2) prioritizing ..."
    if q.from_word and ANAPHOR_BEFORE.search(text, max(0, q.start - 8), q.start):
        return None  # "with any one point": a determiner, not a number
    if _re(r"\s?[x×]\s?\d").match(after) or text[max(0, q.start - 1) : q.start] in ("^", "x", "×"):
        return None  # a resolution ("64x64") or an exponent
    if not (q.unit or q.noun or q.is_range or q.from_word) and q.scale == 1 and after[:1].isalpha() \
            and not after.startswith("pm") and not lexicon.score_unit_regex().match(after).group():
        return None  # a number glued to letters is part of a name: "lift the features to 3D", "the 2nd stage"
    if _mentions(text, max(0, q.start - 24), q.start, ("IoU", "IOU", "hreshold")) and THRESHOLD_BEFORE.search(text, max(0, q.start - 24), q.start):
        return None  # "(IoU > 0.5)", "at an IoU threshold of 0.7": a setting of the evaluation, not a result
    if spelling is not None:
        if q.unit == "s" and not q.written.endswith(" s"):
            return None  # "20s" is a decade or a plural, "20 s" is seconds
        if spelling.family == "bit" and lexicon.metric_regex().match(text, q.end - len(q.unit)) and q.sign != "+":
            return Reading("score", q.value, None, None, "point", None, "bare:metric-unit")  # "1.27 bits per character"
        if spelling.family == "bit" or (_re(r"/\s?[A-Za-z]").match(after) and spelling.family != "energy"):
            return None  # bit widths; ratios such as GFLOPS/W or TOPS/W (energy per item, "3.2 pJ/bit", stays)
        if spelling.family == "factor":
            if _re(r"\s?\d").match(after):
                return None  # "64times 64": a resolution
            return read_factor(text, q, names)
        if spelling.family in ("percent", "point"):
            reading = read_percent(text, q, spelling.family == "point", names)
            return _decibel_value(text, q, reading, names) if q.unit == "dB" else reading
        value, low, high = _scaled(q, spelling.multiplier)
        kind = FAMILY_KIND[spelling.family]
        if spelling.family == "time" and (m := HOURS_OF.match(after)):
            return Reading("data_size", value / 3600 if value else None, low and low / 3600, high and high / 3600, "hour", m["what"], "unit:hours-of-data")
        if kind == "memory" and (DATA_OF.match(after) or CORPUS_BEFORE.search(text, max(0, q.start - 60), q.start)):
            return Reading("data_size", value, low, high, "byte", "text", "unit:bytes-of-data")
        return Reading(kind, value, low, high, spelling.unit, None, f"unit:{spelling.family}")
    if 0 < q.value < 1 and not q.noun and q.scale == 1 and not q.is_range and q.sign is None:
        if " of" in text[q.end : q.end + 16] and (share := lexicon.cost_share_pattern().match(text, q.end)):
            return _cost_share(text, q, share, names)
        if q.from_word:
            return None  # "a third approach": an ordinal, not a fraction
    if q.from_word and q.value == 1 and (one := ONE_ITEM.match(after)) \
            and (LEARNED_FROM_BEFORE.search(text, max(0, q.start - 30), q.start) or not text[: q.start].strip()):
        # "from a single video", "A single example can ...", not "using a single image"
        return Reading("data_size", 1.0, None, None, "sample", one["item"].lower(), "noun:single-item")
    if q.written.lower().endswith("fold") and _re(r"\s*[:.;,]").match(after) \
            and _re(r"\b(?:is|are)\s*$").search(text[max(0, q.start - 10) : q.start]):
        return None  # "our contributions are threefold:"
    if q.written.lower() == "twice" and not (_re(r"\s+(?:as|the|faster|fewer|less|more|smaller|in)\b").match(after)
                                             or _re(r"\bby\s+(?:more than\s+|nearly\s+|about\s+|over\s+|almost\s+)?$").search(text[max(0, q.start - 20) : q.start])):
        return None  # "we run it twice"
    if q.written.lower().endswith(("magnitude", "fold", "twice")):
        return read_factor(text, q, names)
    if q.noun:
        noun = lexicon.nouns().get(q.noun.lower())
        if noun is None or noun.kind == "exclude":
            return None
        if noun.kind == "count" and not q.from_word and (YEAR.match(q.written) or NAME_NUMBER_BEFORE.search(text, max(0, q.start - 30), q.start)):
            return None  # "PASCAL VOC 2007 and 2012 benchmarks", "the Atari 2600 games": part of a name
        if q.noun.lower() in lexicon.own_parts() and PROPOSED_BEFORE.search(text, max(0, q.start - 70), q.start):
            return None  # "we propose two orthogonal approaches": the paper's own parts, not what it covers
        value, low, high = _scaled(q)
        if noun.kind in ("data_size", "count") and q.noun_end and PER_SECOND.match(text, q.noun_end):
            return Reading("throughput", value, low, high, "1/second", q.noun.lower(), "noun:per-second")  # "3,200 images/sec"
        if noun.kind == "count" and (q.scale != 1 or (value or 0) > 1e6):
            return read_bare_scale(text, q) if q.scale != 1 and not q.from_word else None
        if q.from_word and (noun.kind == "model_size" or (noun.kind == "data_size" and noun.noun.endswith("s"))):
            return None  # "two images", "two recalibrating parameters": examples or parts; "a single video" is data
        return Reading(noun.kind, value, low, high, noun.unit, noun.aspect, f"noun:{noun.noun}")
    if not q.from_word and SEQUENCE_LENGTH.search(text[max(0, q.start - 40) : q.start]):
        value, low, high = _scaled(q)
        return Reading("data_size", value, low, high, "token", "token", "pre-noun:sequence-length")
    if q.written.rstrip().endswith("G"):  # "G" alone is gigabytes beside a device ("RTX 3090 (24G)"), else unclear
        near_device = _re(r"(?:GPU|TPU|\d{4}|A100|V100|H100)s?\s*\(?\s*$").search(text[max(0, q.start - 25) : q.start])
        return Reading("memory", q.value * 1e9, None, None, "byte", None, "scale:gigabytes") if near_device else None
    if q.scale != 1 and not q.from_word:
        return read_bare_scale(text, q)
    if not q.from_word and _lost_factor(text, q):
        return replace_rule(read_factor(text, q, names), "factor:lost-x")
    return read_bare(text, q, names)


PER_SECOND = regex.compile(r"\s*(?:per\s+sec(?:ond)?|/\s?s(?:ec(?:ond)?)?)\b", regex.I)
TIME_WORDS = regex.compile(r"time|latency", regex.I)


def _cost_share(text: str, q: Quantity, share: regex.Match, names: dict | None) -> Reading:
    """A fraction of a baseline's cost as the factor it saves: time -> speedup, another resource -> reduction."""
    factor = read_factor(text, q, names)
    what = (share.groupdict().get("what") or "").lower()
    kind = factor.kind if not what else ("speedup" if TIME_WORDS.search(what) else "reduction")
    aspect = factor.aspect if not what or kind == "speedup" else regex.sub(r"s$", "", what)
    return Reading(kind, round(1 / q.value, 4), None, None, "x", aspect, "factor:cost-share")


def _decibel_value(text: str, q: Quantity, reading: Reading, names: dict | None) -> Reading:
    """Decibels measure a signal ("33.69 dB PSNR", "SI-SDRi of 21.2 dB"): a score unless the words
    make it a gain ("by 0.45 dB", "0.38 dB higher", "+0.5 dB")."""
    before = text[max(0, q.start - 40) : q.start]
    if reading.kind != "improvement" or q.sign or GAIN_AFTER.match(text, q.end) or BY_BEFORE.search(before) \
            or _re(r"\s*(?:\S+\s+)?(?:below|above|short\s+of)\b").match(text, q.end) \
            or GAIN_VERB_BEFORE.search(before) or _re(r"\b(?:exceed\w*|surpass\w*|outperform\w*)\s+(?:\S+\s+){0,3}$").search(before):
        return reading
    metric = _metric_leads(text, q, names) or _metric_follows(text, q, names)
    return Reading("score", q.value, None, None, "point", None, "unit:decibel-value", metric)


def _lost_factor(text: str, q: Quantity) -> bool:
    """A bare number whose words make it a factor ("speedups of up to 3.7", "14.2 faster")."""
    patterns = lexicon.lost_factor_patterns()
    return bool(patterns["after"].match(text, q.end, min(len(text), q.end + 40))
                or patterns["before"].search(text, max(0, q.start - 50), q.start))


NAME_BEFORE = regex.compile(r"(?:[\p{Lu}][\p{L}\p{N}\-.]*(?:\s+\d+(?:\.\d+)?)?\s+(?:\d+(?:\.\d+)?[BMK]\s*(?:,|and|or)\s+)?|-)$")
NAME_PAREN = regex.compile(r"[\p{Lu}][\p{L}\p{N}\-._]*\s*\($")


def read_bare_scale(text: str, q: Quantity) -> Reading | None:
    """A scaled number with no noun ("a 7B model", "(0.9M)", "2.8M"): a model or a data size by context."""
    value, low, high = _scaled(q)
    before = text[max(0, q.start - 40) : q.start]
    if NAME_BEFORE.search(before) and not q.is_range:
        return None  # a size fused into a name: "Gemma 2B", "Retro 48B"
    window = text[max(0, q.start - 80) : q.end + 60]
    if NAME_PAREN.search(before) and q.scale >= 1e6:
        return Reading("model_size", value, low, high, "parameter", None, "scale:model-size-aside")
    if MODEL_AFTER.match(text, q.end) and q.scale >= 1e6:
        return Reading("model_size", value, low, high, "parameter", None, "scale:model-size")
    if "token" in window.lower():
        return Reading("data_size", value, low, high, "token", "token", "scale:tokens")
    if DATA_WORDS.search(window) and (q.scale < 1e6 or not MODEL_WORDS.search(window)):
        return Reading("data_size", value, low, high, "sample", None, "scale:data-size")
    if q.scale >= 1e6 and (MODEL_WORDS.search(window) or q.scale >= 1e9):
        return Reading("model_size", value, low, high, "parameter", None, "scale:model-size")
    return None


# "a geometric mean speedup of 1.6x", "an average latency of 23 ms", "average latency is 23 ms" (before is right-stripped)
MEAN_FACTOR_BEFORE = regex.compile(r"\b(?:average|mean)\s+(?:speed-?ups?|latency|latencies|improvements?|gains?|reductions?|throughput|run\s?time|slowdown|acceleration)\s+(?:of|is|was|=|:)$", regex.I)


@functools.cache
def _after_words() -> tuple[str, ...]:
    """The qualifier phrases written after a number that are words ("on average"), lower-cased."""
    return tuple(p.lower() for p, _ in lexicon.qualifier_phrases()["after"] if p.replace(" ", "").isalpha())


@functools.cache
def _qualifier_after_regex() -> regex.Pattern:
    # up to three words and an aside between the number and the phrase: "33% performance (execution time) improvement on average"
    return regex.compile(rf"\s*(?:(?:[\p{{L}}-]+|\([^()]{{1,30}}\))\s+){{0,3}}?,?\s*(?P<phrase>(?i:{lexicon.alternation(_after_words())}))\b")


@functools.cache
def _before_phrases() -> tuple[str, ...]:
    return tuple(phrase for phrase, _ in lexicon.qualifier_phrases()["before"])  # one endswith() tests them all


def qualifier_of(text: str, q: Quantity, previous_end: int) -> str:
    """The qualifier written before or after a quantity ("up to", "~", "on average", "10+")."""
    if q.plus:
        return "lower"
    before = text[max(previous_end, q.start - 40) : q.start].lower().rstrip()
    if q.sign == "±":
        return "approx"
    phrases = lexicon.qualifier_phrases()["before"]
    for phrase, qualifier in phrases if before.endswith(_before_phrases()) else ():
        if before.endswith(phrase) and (not phrase[0].isalpha() or not before[: -len(phrase)][-1:].isalpha()):
            return qualifier
    window = text[q.end : q.end + 60].lower()
    after = _qualifier_after_regex().match(text, q.end, min(len(text), q.end + 60)) \
        if any(p in window for p in _after_words()) else None  # a substring test first: the regex is slower
    if after:
        return dict(lexicon.qualifier_phrases()["after"])[after["phrase"].lower()]
    if _re(r"\baverage\b(?:\s+\S+){0,4}\s*$").search(before) and "of" in before[-6:] or _re(r"\b(?:average|mean)\s+(?:\w+\s+){0,2}(?:of\s+)?$").search(before) \
            or MEAN_FACTOR_BEFORE.search(before):
        return "mean"
    return "exact"
