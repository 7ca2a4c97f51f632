"""Write a large JSON Lines corpus (the seed abstracts with their numbers varied,
seeded) for memory and --jobs measurements: python benchmarks/make_large_corpus.py OUT.jsonl MB

Each record gets a title of its own, so that the copies, which share most sentences
with their seed, stay distinct papers (with one title they would be merged as copies
of one paper, and the corpus would shrink to the seeds)."""

import json
import random
import sys

from corpus import _vary, seed_papers


def main(path: str, megabytes: float) -> None:
    papers, rng, written, n = list(seed_papers().itertuples()), random.Random(0), 0, 0
    with open(path, "w", encoding="utf-8") as out:
        while written < megabytes * 1e6:
            paper = papers[n % len(papers)]
            title = f"{paper.title if isinstance(paper.title, str) else 'Synthetic paper'} (variant {n})"
            line = json.dumps({"id": f"synthetic-{n}", "title": title, "abstract": _vary(paper.text, rng)}) + "\n"
            out.write(line)
            written += len(line.encode())
            n += 1
    print(f"{path}: {n} records, {written / 1e6:.1f} MB")


if __name__ == "__main__":
    main(sys.argv[1], float(sys.argv[2]))
