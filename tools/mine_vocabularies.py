"""Mine benchmark and metric vocabularies from Papers with Code leaderboard annotations.

    python tools/mine_vocabularies.py PATH/TO/pwc-sota/corpus.jsonl.gz

Reads only the ``dataset`` and ``metric`` strings of the tuples of ``corpus.jsonl.gz``
(the dev set's tuples are what the vocabularies are measured against, so they are
never read) and the abstracts' text, to keep only names that researchers write in
abstracts. Writes ``extractor/data/benchmarks-pwc.csv`` and ``metrics-pwc.csv``;
the hand-written ``benchmarks.csv`` and ``metrics.csv`` take precedence over them.

Curation, all by rule:
- a dataset string's base name drops what follows " - " or ",", parentheses, and
  trailing split words (test, val, dev, test-dev, 5-shot ...); the full string
  stays an alias, so "COCO test-dev" in a text is read as COCO;
- a name is kept only when it occurs in some abstract as a whole word, is at least
  three characters, holds no LaTeX, and is not a common word: a name written in
  abstracts more often in lower case than as the annotators spell it is one;
- a metric's direction comes from the words of its name (error, loss, perplexity
  ... lower; accuracy, F1, AP, IoU ... higher), else unknown; sizes and costs
  (params, FLOPs) are not metrics.
"""

from __future__ import annotations

import collections
import csv
import gzip
import json
import sys
from pathlib import Path

import ahocorasick_rs
import regex

from extractor.lexicon import MINED_EXACT_LENGTH

DATA = Path(__file__).resolve().parent.parent / "extractor" / "data"
ATTRIBUTION = ("# Mined by tools/mine_vocabularies.py from the dataset and metric strings of Papers with Code\n"
               "# leaderboard annotations in the SOTA? corpus (SimpleText@CLEF 2024 Task 4, jd-coderepos/sota,\n"
               "# commit c50d9173), licensed CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/);\n"
               "# this file is shared under the same licence. Regenerate it rather than editing it; put\n"
               "# hand-written rows in the hand-written file, which takes precedence.\n")
SPLIT_WORDS = regex.compile(
    r"(?:\s+(?:test|val|validation|dev|development|test-dev|test-std|test-challenge|testdev|minival|train|"
    r"trainval|val2017|test2017|test-clean|test-other|full|small|clean|other|\d+-shot|\d+-way|zero-shot|few-shot|set|dataset|"
    r"benchmark|\(.*?\)))+$", regex.I)
LATEX = regex.compile(r"[\\${}~^_]")
LOWER_WORDS = regex.compile(r"error|loss|perplexity|\bwer\b|\bcer\b|\beer\b|\bfid\b|\bkid\b|\bmae\b|\bmse\b|"
                            r"rmse|distance|mpjpe|\btime\b|latency|miss rate|\bfpr\b|lpips|chamfer|hausdorff|\bfvd\b|\bfad\b|"
                            r"\bfde\b|\bade\b|\bepe\b|\bemd\b|\bmape\b|\bmad\b|brier|\bder\b|\bkld\b|\bhter\b|"
                            r"\bece\b|bits per|\bbpc\b|\bbpd\b|\bnll\b|\bter\b|\bmr\b|\babsrel\b|\bsqrel\b", regex.I)
HIGHER_WORDS = regex.compile(r"accuracy|\bacc\b|f1|\bap\d*\b|\bmap\b|iou|bleu|rouge|psnr|ssim|\bauc|recall|"
                             r"precision|\bscore\b|hits@|\bmrr\b|ndcg|cider|meteor|spice|\bpck|mota|idf1|hota|"
                             r"dice|success|correct|\br@\d|\bem\b|exact match|pass@|fps|\bsr\b|\bspl\b|\bnds\b|"
                            r"\bpq\b|\bsq\b|\brq\b|top-\d|rank-\d|\bmcc\b|kappa|correlation|jaccard|measure|corloc|overlap|"
                             r"\beao\b|\bmacc\b|\bdsc\b|\bauprc?\b|\bbertscore\b|\bassa\b|\bdeta\b|\bspice\b", regex.I)
USUAL_MIN_PAPERS, USUAL_SHARE, USUAL_MARGIN = 5, 0.5, 2.0
NOT_METRICS = regex.compile(r"param|flop|\bmacs?\b|ext\. data|using |multi-view|pre-train|training|"
                            r"hardware|\bgpu\b|\bmodel size|inference|memory", regex.I)


def base_name(name: str) -> str:
    """"COCO test-dev" -> "COCO"; "Set5 - 4x upscaling" -> "Set5"; "CIFAR-10, 4000 Labels" -> "CIFAR-10"."""
    name = regex.split(r"\s+-\s+|,\s*", name.strip())[0]
    previous = None
    while previous != name:
        previous, name = name, SPLIT_WORDS.sub("", name).strip()
    return regex.sub(r"\s+", " ", name)


def fold(name: str) -> str:
    return regex.sub(r"[^\p{L}\p{N}]+", "", name.lower())


def spellings(name: str) -> set[str]:
    """A name and its spellings with a space before a number hyphenated or closed up
    ("CoNLL 2003" -> "CoNLL-2003", "CoNLL2003"), as abstracts write them."""
    found = {name}
    if regex.search(r"\p{L} \d", name):
        found |= {regex.sub(r"(?<=\p{L}) (?=\d)", "-", name), regex.sub(r"(?<=\p{L}) (?=\d)", "", name)}
    return found


def acceptable(name: str) -> bool:
    return len(name) >= 3 and not LATEX.search(name) and regex.search(r"\p{L}", name) is not None


def occurrences(names: list[str], texts: list[str]) -> tuple[collections.Counter, collections.Counter, collections.Counter]:
    """Whole-word occurrences of each name in the texts: by lower-cased name in any case and written all
    in lower case, and by spelling as written."""
    lowered = sorted({n.lower() for n in names})
    automaton = ahocorasick_rs.AhoCorasick(lowered, implementation=ahocorasick_rs.Implementation.DFA)
    any_case, lower_case, as_named = collections.Counter(), collections.Counter(), collections.Counter()
    for text in texts:
        low = text.lower()
        for index, start, end in automaton.find_matches_as_indexes(low, overlapping=True):
            before, after = low[start - 1 : start], low[end : end + 1]
            if (before and (before.isalnum() or before in "-_")) or (after and (after.isalnum() or after == "_")):
                continue
            any_case[lowered[index]] += 1
            written = text[start:end]
            if written == written.lower() and written != written.upper():
                lower_case[lowered[index]] += 1
            as_named[written] += 1
    return any_case, lower_case, as_named


CAPITALS_PAPERS = 4  # an all-capitals name needs this many annotated papers ("DRIVE" 11; "AND", "MUSIC" 1)


def spoken(name: str, counts, papers: int) -> bool:
    """Written in some abstract, and not a common word: not all in lower case ("cars", "iris") unless
    it holds a digit ("enwik8", "text8"), and not written mostly as an ordinary lower-case word; a
    name matched case exactly (all capitals, at most six characters: "DRIVE", "STARE") need only be
    written so, when enough papers were annotated with it."""
    any_case, lower_case, as_named = counts
    key = name.lower()
    if len(name) <= MINED_EXACT_LENGTH and name.isupper() and as_named[name] and papers >= CAPITALS_PAPERS:
        return True
    if name == key:
        return bool(any_case[key]) and any(c.isdigit() for c in name) and any(c.isalpha() for c in name)
    return bool(any_case[key]) and lower_case[key] * 2 <= any_case[key]


def read_corpus(path: str) -> tuple[list[str], collections.Counter, collections.Counter]:
    texts, datasets, metrics = [], collections.Counter(), collections.Counter()
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            paper = json.loads(line)
            texts.append(paper["text"])
            datasets.update({t["dataset"].strip() for t in paper["tuples"] if t.get("dataset")})
            metrics.update({t["metric"].strip() for t in paper["tuples"] if t.get("metric")})
    return texts, datasets, metrics


def hand_names(file: str) -> dict[str, str]:
    """Folded alias -> canonical name of a hand-written catalogue."""
    rows = csv.DictReader(line for line in (DATA / file).open(encoding="utf-8") if not line.startswith("#"))
    table = {}
    for row in rows:
        for alias in [row["name"]] + [a for a in (row.get("aliases") or "").split("|") if a.strip()]:
            table.setdefault(fold(alias), row["name"])
    return table


def grouped(strings: collections.Counter, key) -> dict[str, collections.Counter]:
    groups: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for name, papers in strings.items():
        groups[fold(key(name))][name] += papers
    return groups


def listed(file: str, column: str = "name") -> set[str]:
    rows = csv.DictReader(line for line in (DATA / file).open(encoding="utf-8") if not line.startswith("#"))
    return {fold(row[column]) for row in rows}


def mine_benchmarks(texts, datasets) -> list[list[str]]:
    metric_words = set(hand_names("metrics.csv")) | set(hand_names("hardware.csv")) | listed("hardware.csv", "vendor")
    metric_words |= listed("generic_names.csv") | listed("not_benchmarks.csv")
    hand = hand_names("benchmarks.csv")
    candidates = {v for d in datasets for n in (d.strip(), base_name(d)) for v in spellings(n) if acceptable(v)}
    counts = occurrences(sorted(candidates), texts)
    rows = []
    for group_key, members in sorted(grouped(datasets, base_name).items()):
        if not group_key or group_key in metric_words:
            continue
        bases = collections.Counter()
        for name, papers in members.items():
            bases[base_name(name)] += papers
        canonical = hand.get(group_key) or sorted(bases.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        names = {v for n in set(members) | set(bases) for v in spellings(n)}
        names = {n for n in names if acceptable(n) and spoken(n, counts, sum(members.values()))}
        names = {n for n in names if fold(n) not in metric_words}
        if not names or not acceptable(canonical) or fold(canonical) in metric_words:
            continue
        aliases = sorted(n for n in names if n != canonical)
        rows.append([canonical, "|".join(aliases), str(sum(members.values()))])
    return rows


def direction(name: str) -> str:
    if LOWER_WORDS.search(name):
        return "lower"
    return "higher" if HIGHER_WORDS.search(name) else "unknown"


def mine_metrics(texts, metrics) -> list[list[str]]:
    hand = hand_names("metrics.csv")
    benchmarks = {row_name.lower() for row_name in hand_names("benchmarks.csv").values()}
    strip = lambda m: regex.sub(r"\s*\(.*?\)\s*", " ", m).strip()  # noqa: E731 ("MAE (mm)" -> "MAE")
    candidates = {n for m in metrics for n in (m.strip(), strip(m)) if acceptable(n)}
    counts = occurrences(sorted(candidates), texts)
    rows = []
    for group_key, members in sorted(grouped(metrics, strip).items()):
        if not group_key or group_key in hand:
            continue
        if any(m.lower().startswith(b + " ") for m in members for b in benchmarks):
            continue  # "ImageNet Top-1 Accuracy": a benchmark and a metric, not a metric of its own
        names = {n for m in members for n in (m, strip(m)) if acceptable(n) and spoken(n, counts, sum(members.values()))}
        names = {n for n in names if not NOT_METRICS.search(n)}
        if not names:
            continue
        canonical = sorted(names, key=lambda n: (-members.get(n, 0), len(n), n))[0]
        if direction(canonical) == "unknown":
            continue  # "all", "German", "CNN": annotators' column names, not metrics
        aliases = sorted(n for n in names if n != canonical)
        rows.append([canonical, direction(canonical), "|".join(aliases), str(sum(members.values()))])
    return rows


def mine_usual_metrics(path: str) -> list[list[str]]:
    """Each benchmark's usual metric: the one most of its annotated papers report, by a wide margin.

    Read from the same tuples after the catalogues are written (dataset and metric strings mapped
    through them). A benchmark gets one only when that metric is annotated for at least
    USUAL_MIN_PAPERS papers, for at least USUAL_SHARE of the papers annotated on the benchmark,
    and at least USUAL_MARGIN times as often as any other metric.
    """
    from extractor import rules
    rules.load_benchmarks.cache_clear()
    rules.load_metrics.cache_clear()
    benchmarks, metrics = rules.load_benchmarks(), rules.load_metrics()
    papers, named = collections.Counter(), collections.defaultdict(collections.Counter)
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            pairs = set()
            for item in json.loads(line)["tuples"]:
                benchmark = benchmarks.get((item.get("dataset") or "").strip().lower())
                metric = metrics.get((item.get("metric") or "").strip().lower())
                if benchmark and not NOT_METRICS.search(item.get("metric") or ""):
                    pairs.add((benchmark, metric.name if metric else None))
            papers.update({b for b, _ in pairs})
            for benchmark, metric in pairs:
                if metric:
                    named[benchmark][metric] += 1
    rows = []
    for benchmark, counts in sorted(named.items()):
        (top, n), *rest = counts.most_common() + [(None, 0)]
        second = rest[0][1]
        if n >= USUAL_MIN_PAPERS and n >= USUAL_SHARE * papers[benchmark] and n >= USUAL_MARGIN * second:
            rows.append([benchmark, top, str(n), str(papers[benchmark])])
    return rows


def write(file: str, header: str, columns: list[str], rows: list[list[str]]) -> None:
    with (DATA / file).open("w", encoding="utf-8", newline="") as handle:
        handle.write(ATTRIBUTION + header)
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)


def main(path: str) -> None:
    texts, datasets, metrics = read_corpus(path)
    benchmarks = mine_benchmarks(texts, datasets)
    write("benchmarks-pwc.csv", "# Columns: name (canonical), aliases (|-separated), papers (annotated papers)\n",
          ["name", "aliases", "papers"], benchmarks)
    mined = mine_metrics(texts, metrics)
    write("metrics-pwc.csv", "# Columns: name (canonical), direction (higher|lower|unknown), aliases, papers\n",
          ["name", "direction", "aliases", "papers"], mined)
    usual = mine_usual_metrics(path)
    write("usual_metrics-pwc.csv", "# A benchmark's usual metric, which a score on it that names none is read as.\n"
          "# Columns: benchmark, metric (canonical names), papers (annotated with that metric), of (annotated on the benchmark)\n",
          ["benchmark", "metric", "papers", "of"], usual)
    print(f"{len(benchmarks)} benchmarks, {len(mined)} metrics, {len(usual)} usual metrics", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
