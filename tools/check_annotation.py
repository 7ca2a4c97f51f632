"""Check an annotator's output against its pack (ids, texts, the 15 keys, kinds, qualifiers, surfaces):

    python tools/check_annotation.py OUTPUT.jsonl PACK.jsonl

Used by the annotator and adjudicator helpers that build the gold sets (tests/gold/README.md)."""
import json, sys
KINDS = {"speedup","reduction","improvement","score","model_size","data_size","compute","memory",
         "time","throughput","energy","hardware","count"}
KEYS = ["kind","surface","value","low","high","unit","qualifier","subject","baseline","benchmark",
        "metric","aspect","hardware","count","own"]
QUALS = {"exact","approx","max","mean","lower","upper"}
out, pack = sys.argv[1], sys.argv[2]
packed = [json.loads(l) for l in open(pack) if l.strip()]
errors = 0
def err(msg):
    global errors; errors += 1; print("ERROR", msg)
rows = []
for n, line in enumerate(open(out), 1):
    if not line.strip(): continue
    try: rows.append(json.loads(line))
    except Exception as e: err(f"line {n}: not JSON: {e}")
if [r.get("id") for r in rows] != [p["id"] for p in packed]:
    err("ids differ from the pack (missing, extra or out of order)")
byid = {p["id"]: p for p in packed}
for r in rows:
    p = byid.get(r.get("id"))
    if p is None: continue
    if r.get("text") != p["text"]: err(f"{r['id']}: text changed")
    if not isinstance(r.get("claims"), list): err(f"{r['id']}: claims missing"); continue
    for i, c in enumerate(r["claims"]):
        where = f"{r['id']} claim {i} ({c.get('surface')!r})"
        if sorted(c) != sorted(KEYS): err(f"{where}: keys {sorted(set(c) ^ set(KEYS))} wrong")
        if c.get("kind") not in KINDS: err(f"{where}: unknown kind {c.get('kind')}")
        if c.get("qualifier") not in QUALS: err(f"{where}: bad qualifier {c.get('qualifier')}")
        if not c.get("surface") or c["surface"] not in r["text"]: err(f"{where}: surface not in text")
        if c.get("kind") == "hardware":
            if not isinstance(c.get("value"), str): err(f"{where}: hardware value must be a name")
        else:
            v, lo, hi = c.get("value"), c.get("low"), c.get("high")
            if v is None and (lo is None or hi is None): err(f"{where}: value or low/high needed")
            for x in (v, lo, hi):
                if x is not None and not isinstance(x, (int, float)): err(f"{where}: non-numeric value")
        if c.get("own") not in (True, False, None): err(f"{where}: own must be true/false/null")
print(f"{len(rows)} papers, {sum(len(r.get('claims', [])) for r in rows)} claims, {errors} errors")
sys.exit(1 if errors else 0)
