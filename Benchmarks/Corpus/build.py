#!/usr/bin/env python3
"""Assembles the detection corpus from the per-source extracts (Benchmarks/Corpus/sources/*.py and
synthetic/generate.py write them into RAW_DIR) and the team's dev corpus (../shared/corpus).

    build.py --raw /work/corpus/raw --shared ../shared/corpus --out /work/corpus/build

Writes OUT/tools.jsonl (tool definitions) and OUT/texts.jsonl (tool outputs), every record with
`group`, the source repository it came from: leave-one-source-out holds each group out in turn, so
records of one upstream repository must never sit in two groups. Duplicates across groups (the same
tool or text published twice) are kept once, in the first group that has them, so a held-out source
is never seen in training through a copy. Prints counts per group and label; writes OUT/STATS.md.
Deterministic: same inputs, same output.
"""
import argparse
import collections
import glob
import hashlib
import json
import os
import re
import sys

TOOL_LABELS = {"benign", "poisoned", "offensive", "malicious_hidden"}
TEXT_LABELS = {"injection", "clean"}


def group_of(record):
    """The LOSO group: the upstream repository (OWNER/NAME) when the source names one."""
    source = record.get("source") or ""
    if record.get("synthetic"):
        return record.get("group") or "synthetic"
    if source.startswith("pypi:"):
        return "pypi-live"
    match = re.match(r"^([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)@", source)
    if match:
        return match.group(1).lower()
    return record.get("group") or source.split(":")[0] or "unknown"


def shared_records(shared):
    """The dev corpus, relabelled to this corpus's labels."""
    out = []
    for name in ("tools-benign.jsonl", "tools-malicious.jsonl", "outputs.jsonl"):
        path = os.path.join(shared, name)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                if record.get("label") == "malicious":
                    record["label"] = "poisoned"
                record.setdefault("lang", "en")
                record.setdefault("synthetic", False)
                out.append(record)
    return out


def adapt(record):
    """Source-specific clean-ups, so a model learns the attack and not the source's house style.

    Atomic Red Team descriptions end with "ATT&CK technique <id>: <name>", a label no real tool carries:
    it is cut. Each atomic test also gives a terse twin, its name as the whole description
    ("Enumerate Azure Blob Storage."), because offensive tools in the wild are often described that
    tersely; the twin stays in the same group, so leave-one-source-out holds both out together.
    """
    out = [record]
    if record.get("group") == "atomic_red_team" and "tool" in record:
        tool = record["tool"]
        tool["description"] = re.sub(r"\s*ATT&CK technique T[0-9.]+:[^\n]*$", "", tool.get("description") or "").strip()
        name = (tool.get("name") or "").replace("_", " ").strip()
        if name:
            twin = json.loads(json.dumps(record))
            twin["id"] = record["id"] + "-terse"
            twin["tool"]["description"] = name[:1].upper() + name[1:] + "."
            twin["note"] = "derived: the atomic test's name as a terse description"
            out.append(twin)
    return out


def normalized(text):
    return re.sub(r"\s+", " ", text or "").strip().lower()


def key_of(record):
    if "tool" in record:
        tool = record.get("tool") or {}
        basis = "tool\0" + normalized(tool.get("name")) + "\0" + normalized(tool.get("description")) + "\0" + json.dumps(tool.get("inputSchema"), sort_keys=True)
    else:
        basis = "text\0" + normalized(record.get("text"))
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--raw", required=True)
    parser.add_argument("--shared", default=None)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    records = shared_records(args.shared) if args.shared else []
    for path in sorted(glob.glob(os.path.join(args.raw, "*.jsonl"))):
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                line = line.strip()
                if not line:
                    continue
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError as error:
                    sys.exit(f"build: {path}:{number}: not JSON: {error}")

    records = [adapted for record in records for adapted in adapt(record)]
    seen = {}
    tools, texts = [], []
    dropped = collections.Counter()
    for record in records:
        is_tool = "tool" in record
        label = record.get("label")
        if is_tool and label not in TOOL_LABELS or not is_tool and label not in TEXT_LABELS:
            dropped["unknown label " + str(label)] += 1
            continue
        if is_tool and not (record.get("tool") or {}).get("name"):
            dropped["tool without a name"] += 1
            continue
        if not is_tool and len((record.get("text") or "").strip()) < 8:
            dropped["empty text"] += 1
            continue
        record["group"] = group_of(record)
        record.setdefault("lang", "en")
        record["synthetic"] = bool(record.get("synthetic"))
        key = key_of(record)
        if key in seen:
            dropped["duplicate" + (" with another label" if seen[key] != label else "")] += 1
            continue
        seen[key] = label
        (tools if is_tool else texts).append(record)

    os.makedirs(args.out, exist_ok=True)
    for name, items in (("tools.jsonl", tools), ("texts.jsonl", texts)):
        with open(os.path.join(args.out, name), "w", encoding="utf-8") as handle:
            for record in items:
                handle.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")

    lines = ["# Built corpus", "", f"{len(tools)} tool definitions, {len(texts)} texts.", ""]
    for title, items in (("Tool definitions", tools), ("Texts", texts)):
        by_group = collections.defaultdict(collections.Counter)
        for record in items:
            by_group[record["group"]][record["label"]] += 1
        labels = sorted({label for counter in by_group.values() for label in counter})
        lines += [f"## {title}", "", "| group | " + " | ".join(labels) + " |", "|---|" + "---:|" * len(labels)]
        for group in sorted(by_group):
            lines.append(f"| {group} | " + " | ".join(str(by_group[group][label]) for label in labels) + " |")
        totals = collections.Counter(record["label"] for record in items)
        lines += ["| **total** | " + " | ".join(str(totals[label]) for label in labels) + " |", ""]
        langs = collections.Counter(record["lang"] for record in items)
        lines += ["Languages: " + ", ".join(f"{lang} {count}" for lang, count in langs.most_common()), ""]
    lines += ["Dropped: " + (", ".join(f"{why} {count}" for why, count in sorted(dropped.items())) or "none"), ""]
    with open(os.path.join(args.out, "STATS.md"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
