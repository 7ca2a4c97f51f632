"""Agreement of two annotators, matched as claims eval matches claims; the papers that differ go to adjudication.

    python tools/annotation_agreement.py ANN1.jsonl ANN2.jsonl DISAGREE.jsonl AGREED.jsonl
"""
import json, sys
sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent))
from extractor.evaluate import match_claims, field_right
FIELDS = ["qualifier", "subject", "baseline", "benchmark", "metric", "aspect", "hardware", "count", "own"]
a = [json.loads(l) for l in open(sys.argv[1])]; b = [json.loads(l) for l in open(sys.argv[2])]
na = nb = nm = 0; fr = {f: [0, 0] for f in FIELDS}
dis, agreed = [], []
def same(x, y, f):
    if f in ("count", "own"): return x.get(f) == y.get(f)
    return field_right(x.get(f), y.get(f)) or field_right(y.get(f), x.get(f))
for p, q in zip(a, b):
    assert p["id"] == q["id"]
    pairs = match_claims(p["claims"], q["claims"])
    na += len(p["claims"]); nb += len(q["claims"]); nm += len(pairs)
    differs = len(pairs) != len(p["claims"]) or len(pairs) != len(q["claims"])
    for x, y in pairs:
        for f in FIELDS:
            ok = same(x, y, f); fr[f][0] += ok; fr[f][1] += 1
            differs |= not ok
    if differs:
        dis.append({"id": p["id"], "title": p.get("title", ""), "text": p["text"], "annotator_1": p["claims"], "annotator_2": q["claims"]})
    else:
        agreed.append(p)
P = nm / nb if nb else 1; R = nm / na if na else 1
print(json.dumps({"claims_1": na, "claims_2": nb, "matched": nm, "f1": round(2 * P * R / (P + R), 3) if P + R else 0,
                  "fields": {f: round(v[0] / v[1], 3) if v[1] else None for f, v in fr.items()},
                  "papers": len(a), "disagreeing_papers": len(dis)}))
with open(sys.argv[3], "w") as f:
    for d in dis: f.write(json.dumps(d, ensure_ascii=False) + "\n")
with open(sys.argv[4], "w") as f:
    for d in agreed: f.write(json.dumps(d, ensure_ascii=False) + "\n")
