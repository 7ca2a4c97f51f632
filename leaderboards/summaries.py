"""Summaries of the claims that are not scores: speedup and reduction
factors, model, data and compute sizes, and the hardware papers name."""

from __future__ import annotations

import functools
import re
import statistics

import pandas as pd

from extractor.rules import Device, load_hardware

from .formatting import display_quantity, geometric_mean, missing
from .names import clean, fold, merge_spellings
from .table import chronological, claims_frame, subject_keys

FACTOR_KINDS = ("speedup", "reduction")
SIZE_KINDS = ("model_size", "data_size", "compute")
NONE_LABEL = "(not stated)"
SPEEDUP_COLUMNS = ["group_by", "kind", "group", "count", "min", "median", "max", "geomean", "papers", "ranges"]
SPEEDUP_CLAIM_COLUMNS = ["kind", "subject", "baseline", "aspect", "display", "value", "low", "high", "qualifier",
                         "hardware", "paper_id", "title", "date", "sentence"]
SIZE_COLUMNS = ["paper_id", "title", "date", "subject", "model_size", "model_size_text", "data_size_text",
                "compute_text", "sentence"]
HARDWARE_COLUMNS = ["device", "vendor", "device_class", "papers", "mentions", "total_count", "measured", "co_kinds",
                    "sentence"]
MEASURED_KINDS = ("speedup", "reduction", "time", "throughput", "energy", "memory", "score")
MAX_MEASURED = 6  # results listed per device
# What may surround a device's name in a mention: a count, a vendor, a class word.
_COUNT = re.compile(r"^\s*\d+\s*(?:[x×]\s*)?")
_VENDOR = re.compile(r"(?i)^(?:nvidia|amd|intel|google|apple|qualcomm)\s+")
_CLASS_WORD = re.compile(r"(?i)\s*\b(?:gpus?|tpus?|cpus?|npus?|chips?|cards?|devices?|accelerators?)$")
_GENERIC = re.compile(r"(?i)(gpu|tpu|cpu|npu|fpga)s?")


def speedup_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """Every speedup and reduction claim, largest factor first within each kind, with its sentence."""
    table = claims_frame(claims, FACTOR_KINDS)
    for column in ("subject", "baseline", "aspect"):
        table[column] = merge_spellings(table[column])
    table = chronological(table).sort_values(["kind", "value"], ascending=[True, False], na_position="last",
                                             kind="stable")
    display = [display_quantity(v, "x", q, lo, hi) for v, q, lo, hi in
               zip(table["value"], table["qualifier"], table["low"], table["high"])]
    return table.assign(display=display)[SPEEDUP_CLAIM_COLUMNS].reset_index(drop=True)


def speedups(claims: pd.DataFrame) -> pd.DataFrame:
    """Speedup and reduction factors grouped by baseline and by aspect, per kind.

    One row per (``group_by`` in baseline/aspect, kind, group): ``count`` of
    single-number factors with their ``min``, ``median``, ``max`` and ``geomean``,
    ``papers`` reporting them and ``ranges`` (range claims, counted, never averaged).
    """
    table = speedup_claims(claims)
    parts = [_factor_stats(table, by) for by in ("baseline", "aspect")]
    result = pd.concat([p for p in parts if not p.empty] or [parts[0]], ignore_index=True)
    return result[SPEEDUP_COLUMNS]


def _factor_stats(table: pd.DataFrame, by: str) -> pd.DataFrame:
    rows = []
    labels = table[by].map(lambda v: v if v else NONE_LABEL)
    for (kind, group), part in table.groupby([table["kind"], labels], sort=True):
        factors = sorted(float(v) for v in part["value"] if not missing(v) and v > 0)
        rows.append({"group_by": by, "kind": kind, "group": group, "count": len(factors),
                     "min": min(factors, default=float("nan")),
                     "median": statistics.median(factors) if factors else float("nan"),
                     "max": max(factors, default=float("nan")), "geomean": geometric_mean(factors),
                     "papers": part["paper_id"].nunique(), "ranges": int(part["value"].isna().sum())})
    frame = pd.DataFrame(rows, columns=SPEEDUP_COLUMNS)
    return frame.sort_values(["kind", "count", "group"], ascending=[True, False, True], kind="stable")


def model_sizes(claims: pd.DataFrame) -> pd.DataFrame:
    """Model size, data size and compute claims, one row per (paper, subject), largest model first.

    ``model_size`` is the largest parameter count stated for the subject (a
    range's upper end included); the ``*_text`` columns list every claim as written
    in text order, and ``sentence`` their distinct sentences.
    """
    table = chronological(claims_frame(claims, SIZE_KINDS))
    table["subject"] = merge_spellings(table["subject"])
    table = table.assign(key=subject_keys(table), text=[
        display_quantity(v, u, q, lo, hi) for v, u, q, lo, hi in
        zip(table["value"], table["unit"], table["qualifier"], table["low"], table["high"])])
    rows = [_size_row(part) for _, part in table.groupby(["paper_id", "key"], sort=False)]
    frame = pd.DataFrame(rows, columns=SIZE_COLUMNS)
    frame["model_size"] = frame["model_size"].astype(float)
    return frame.sort_values(["model_size", "paper_id", "subject"], ascending=[False, True, True],
                             na_position="last", kind="stable").reset_index(drop=True)


def _size_row(part: pd.DataFrame) -> dict:
    first = part.iloc[0]
    params = part[part["kind"] == "model_size"]
    largest = pd.concat([params["value"], params["high"]]).max()
    texts = {kind: "; ".join(dict.fromkeys(t for t in part.loc[part["kind"] == kind, "text"] if t))
             for kind in SIZE_KINDS}
    return {"paper_id": first["paper_id"], "title": first["title"], "date": first["date"],
            "subject": first["subject"], "model_size": largest, "model_size_text": texts["model_size"],
            "data_size_text": texts["data_size"], "compute_text": texts["compute"],
            "sentence": "\n".join(dict.fromkeys(s for s in part["sentence"] if s))}


def device_of(name: object) -> Device | None:
    """The catalogue device for a name or alias ("TX2", "8 A100 GPUs" -> its device name part), or ``None``."""
    text = clean(name)
    if text is None:
        return None
    catalogue = load_hardware()
    bare = _COUNT.sub("", text)
    for candidate in (text, bare, _CLASS_WORD.sub("", bare), _CLASS_WORD.sub("", _VENDOR.sub("", bare))):
        device = catalogue.get(candidate.lower()) or _folded_hardware().get(fold(candidate))
        if device:
            return device
    return None


@functools.cache
def _folded_hardware() -> dict[str, Device]:
    return {fold(alias): device for alias, device in load_hardware().items()}


def hardware(claims: pd.DataFrame) -> pd.DataFrame:
    """Devices named by ``hardware`` claims: how many papers and mentions, devices counted, and context.

    ``total_count`` adds each mention's device count (1 when none is given);
    ``co_kinds`` lists the other claim kinds in those papers with how many
    papers have each; ``sentence`` is the first mention's sentence.
    """
    raw = claims if claims is not None else pd.DataFrame()
    table = claims_frame(raw, ("hardware",))
    names = _device_names(raw)
    devices = [device_of(n) for n in names]
    table = table.assign(
        device=[d.name if d else (_generic_class(n) or clean(n) or "unknown device") for d, n in zip(devices, names)],
        vendor=[d.vendor if d else None for d in devices],
        device_class=[d.device_class if d else _generic_class(n) for d, n in zip(devices, names)],
        n=table["count"].fillna(1).astype(int))
    kinds = claims_frame(raw)[["paper_id", "kind"]].drop_duplicates()
    measured = _measured_on(raw)
    rows = [_device_row(device, chronological(part), kinds) | {"measured": measured.get(device, "")}
            for device, part in table.groupby("device", sort=True)]
    frame = pd.DataFrame(rows, columns=HARDWARE_COLUMNS)
    frame["device_class"] = frame["device_class"].fillna("unknown")
    return frame.sort_values(["device_class", "vendor", "papers", "mentions", "device"],
                             ascending=[True, True, False, False, True], na_position="last",
                             kind="stable").reset_index(drop=True)


def _measured_on(raw: pd.DataFrame) -> dict[str, str]:
    """Per device, the performance results measured on it ("speedup 4.5x (GPTQ); time 40 ms"), by date."""
    table = chronological(claims_frame(raw, MEASURED_KINDS))
    table = table[table["hardware"].notna()]
    out: dict[str, list[str]] = {}
    for row in table.itertuples():
        device = device_of(row.hardware)
        shown = display_quantity(row.value, row.unit, row.qualifier, row.low, row.high)
        if shown:
            who = f" ({row.subject})" if isinstance(row.subject, str) else ""
            out.setdefault(device.name if device else row.hardware, []).append(f"{row.kind} {shown}{who}")
    return {d: "; ".join(items[:MAX_MEASURED]) + (" ..." if len(items) > MAX_MEASURED else "") for d, items in out.items()}


def _device_names(raw: pd.DataFrame) -> list[str | None]:
    """Each hardware claim's device name: the ``hardware`` field, else a textual ``value``, else the surface."""
    if raw.empty or "kind" not in raw.columns:
        return []
    rows = raw[raw["kind"] == "hardware"]
    names = []
    for _, row in rows.iterrows():
        candidates = [row.get("hardware"), row.get("value"), row.get("surface")]
        names.append(next((clean(c) for c in candidates if isinstance(c, str) and clean(c)), None))
    return names


def _generic_class(name: str | None) -> str | None:
    """"GPU" for an unnamed device ("64 GPUs", "NVIDIA GPUs"), else ``None``."""
    match = _GENERIC.fullmatch(_VENDOR.sub("", _COUNT.sub("", clean(name) or "")))
    return match[1].upper() if match else None


def _device_row(device: str, part: pd.DataFrame, kinds: pd.DataFrame) -> dict:
    papers = set(part["paper_id"])
    others = kinds[kinds["paper_id"].isin(papers) & kinds["kind"].ne("hardware")]
    counts = others["kind"].value_counts()
    co_kinds = ", ".join(f"{k}: {n}" for k, n in sorted(counts.items(), key=lambda kn: (-kn[1], kn[0])))
    first = part.iloc[0]
    return {"device": device, "vendor": first["vendor"], "device_class": first["device_class"],
            "papers": len(papers), "mentions": len(part), "total_count": int(part["n"].sum()),
            "co_kinds": co_kinds, "sentence": first["sentence"]}
