#!/usr/bin/env python3
"""Trains mcpguard's learned detectors from the feature rows `DetectionBenchmark export` writes.

    train.py --corpus BUILD_DIR --rows ROWS_DIR --swift Sources/GuardDetect/Learned/LearnedModels+Data.swift
    train.py --corpus BUILD_DIR --rows ROWS_DIR --loso FOLDS_DIR      # one model pair per held-out group

Three logistic-regression models over the same features (see TextFeaturizer.swift):
  poisoning  tool definitions: `poisoned` against `benign`
  offensive  tool definitions: `offensive` against `benign`
  injection  tool-output windows: windows of `injection` texts against windows of `clean` ones
A text's value for hashed feature h is count(h) / sqrt(occurrences); structural flags are 0/1.
Decision thresholds are chosen on out-of-fold predictions (grouped by source, so no source is scored
by a model that saw it) to keep false positives under the target rate; they are never tuned on a
held-out group. Injected texts longer than one window are learned from their most injected-looking
window (multiple-instance learning: a first model picks it, a second is trained with it).
Needs scikit-learn (bootstrap: `scripts/bootstrap --train`); fixed seeds, so a run is reproducible.
"""
import argparse
import base64
import collections
import json
import math
import os
import struct
import sys
import time

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression

HASH_BITS = 18
DIM = 1 << HASH_BITS
FLAGS = 38
SEED = 20261201
# Target false-positive rates for the thresholds (out of fold, on the training groups).
FP_TARGET = {"poisoning": 0.004, "offensive": 0.003, "injection": 0.008}
C = {"poisoning": 0.5, "offensive": 0.5, "injection": 0.5}
INNER_FOLDS = 3
# Each record weighs (records of its group and class) ** -GROUP_ALPHA, rescaled so a class keeps its total:
# with 0 a large source (12,000 Smithery tools, 3,600 Atomic Red Team tests) teaches its own style; with
# 1 every source counts as much as any other. Set by --group-alpha.
GROUP_ALPHA = 0.0
# Each language's records are weighed so its two classes stand in the global
# ratio: the attack sources are far more multilingual than the honest ones, and unbalanced a model learns
# "Russian or Japanese text" for "injected" (the top false positives were translated documentation).
# Measured out of fold on the training groups (3 grouped parts, 2026-12-04 corpus): injection recall at a
# 0.8 % false-positive rate 5.0 % unbalanced, 8.6 % balanced. --unbalanced-languages turns it off.
BALANCE_LANGUAGES = True


def load_records(path):
    with open(path, encoding="utf-8") as handle:
        return {record["id"]: record for record in map(json.loads, handle)}


def load_rows(path):
    """id -> list of rows; a row is (occurrences, flags, indices array, counts array)."""
    rows = collections.defaultdict(list)
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 4:
                continue
            if len(parts) > 4 and parts[4]:
                pairs = np.array(parts[4].replace(":", " ").split(" "), dtype=np.int64).reshape(-1, 2)
                indices, counts = pairs[:, 0], pairs[:, 1]
            else:
                indices = counts = np.zeros(0, dtype=np.int64)
            rows[parts[0]].append((int(parts[2]), int(parts[3], 16), indices, counts))
    return rows


FLAG_BITS = np.arange(FLAGS)


def matrix(rows):
    """CSR of hashed values (count / sqrt(occurrences)) followed by the structural flags (0/1)."""
    data, indices, lengths = [], [], []
    for occurrences, flags, features, counts in rows:
        scale = 1.0 / math.sqrt(occurrences) if occurrences else 0.0
        bits = FLAG_BITS[(flags >> FLAG_BITS) & 1 == 1]
        indices.append(features)
        indices.append(DIM + bits)
        data.append(counts * scale)
        data.append(np.ones(len(bits)))
        lengths.append(len(features) + len(bits))
    indptr = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    return sparse.csr_matrix((np.concatenate(data) if data else np.zeros(0), np.concatenate(indices) if indices else np.zeros(0, dtype=np.int64), indptr), shape=(len(rows), DIM + FLAGS))


class Task:
    """One model's training data: rows with labels, weights and groups; `bags` for multi-window positives."""

    def __init__(self, name):
        self.name = name
        self.rows, self.labels, self.weights, self.groups, self.ids = [], [], [], [], []
        self.bags = []  # (id, group, [rows]) of positive texts longer than a window
        self.languages = {}  # id -> language


def definition_tasks(records, rows):
    tasks = {"poisoning": Task("poisoning"), "offensive": Task("offensive")}
    for identifier, record in records.items():
        if identifier not in rows:
            continue
        row = rows[identifier][0]
        label = record["label"]
        for name, positive in (("poisoning", "poisoned"), ("offensive", "offensive")):
            if label in (positive, "benign"):
                task = tasks[name]
                task.rows.append(row)
                task.labels.append(1 if label == positive else 0)
                task.weights.append(1.0)
                task.groups.append(record["group"])
                task.ids.append(identifier)
                task.languages[identifier] = record.get("lang") or "en"
    return tasks


def output_task(records, rows):
    task = Task("injection")
    for identifier, record in records.items():
        windows = rows.get(identifier)
        if not windows:
            continue
        task.languages[identifier] = record.get("lang") or "en"
        if record["label"] == "clean":
            # Every window of an honest text is honest; a long text weighs as much as a few short ones.
            weight = 1.0 / math.sqrt(len(windows))
            for row in windows:
                task.rows.append(row)
                task.labels.append(0)
                task.weights.append(weight)
                task.groups.append(record["group"])
                task.ids.append(identifier)
        elif record["label"] == "injection":
            if len(windows) == 1:
                task.rows.append(windows[0])
                task.labels.append(1)
                task.weights.append(1.0)
                task.groups.append(record["group"])
                task.ids.append(identifier)
            else:
                task.bags.append((identifier, record["group"], windows))
    return task


def fit(task, keep, c):
    """Fits on the rows whose group passes `keep`; positives of long texts through their best window."""
    index = [i for i, group in enumerate(task.groups) if keep(group)]
    rows = [task.rows[i] for i in index]
    labels = [task.labels[i] for i in index]
    weights = [task.weights[i] for i in index]
    groups = [task.groups[i] for i in index]
    languages = [task.languages.get(task.ids[i], "en") for i in index]
    bags = [bag for bag in task.bags if keep(bag[1])]
    model = train(rows, labels, weigh(weights, labels, groups, languages), c)
    if bags:
        extra = [best_window(model, windows) for _, _, windows in bags]
        every = labels + [1] * len(extra)
        weighed = weigh(weights + [1.0] * len(extra), every, groups + [bag[1] for bag in bags], languages + [task.languages.get(bag[0], "en") for bag in bags])
        model = train(rows + extra, every, weighed, c)
    return model


def weigh(weights, labels, groups, languages):
    """The training weights: by source size (GROUP_ALPHA), then each language's classes to the global ratio."""
    return language_weights(group_weights(weights, labels, groups), labels, languages)


def language_weights(weights, labels, languages):
    """With BALANCE_LANGUAGES (the default): in every language that has both classes, the positives' total weight is
    scaled to stand to the negatives' as it does over all languages (language tells nothing of the label)."""
    if not BALANCE_LANGUAGES or not weights:
        return weights
    totals = collections.defaultdict(float)
    for w, y, lang in zip(weights, labels, languages):
        totals[(lang, y)] += w
    overall = sum(w for w, y in zip(weights, labels) if y == 1) / max(sum(w for w, y in zip(weights, labels) if y == 0), 1e-9)
    factors = {}
    for lang in {lang for lang, _ in totals}:
        positives, negatives = totals.get((lang, 1), 0.0), totals.get((lang, 0), 0.0)
        factors[lang] = overall * negatives / positives if positives and negatives else 1.0
    return [w * factors[lang] if y == 1 else w for w, y, lang in zip(weights, labels, languages)]


def group_weights(weights, labels, groups):
    """`weights` scaled by each (group, class)'s size ** -GROUP_ALPHA, each class's total kept."""
    if GROUP_ALPHA == 0 or not weights:
        return weights
    sizes = collections.Counter(zip(groups, labels))
    scaled = [w * sizes[(g, y)] ** -GROUP_ALPHA for w, y, g in zip(weights, labels, groups)]
    for label in set(labels):
        before = sum(w for w, y in zip(weights, labels) if y == label)
        after = sum(w for w, y in zip(scaled, labels) if y == label)
        factor = before / after if after else 1.0
        scaled = [w * factor if y == label else w for w, y in zip(scaled, labels)]
    return scaled


def train(rows, labels, weights, c):
    x = matrix(rows)
    y = np.array(labels)
    w = np.array(weights)
    # Balance the classes by weight, so a source-heavy negative set does not drown the positives.
    positives = w[y == 1].sum()
    negatives = w[y == 0].sum()
    if positives > 0 and negatives > 0:
        w = np.where(y == 1, w * (negatives / positives) ** 0.5, w)
    model = LogisticRegression(C=c, solver="liblinear", max_iter=200, random_state=SEED)
    model.fit(x, y, sample_weight=w)
    return model


def best_window(model, windows):
    scores = model.decision_function(matrix(windows))
    return windows[int(np.argmax(scores))]


def record_scores(model, task, keep):
    """The model's score per record (best window for texts), for records whose group passes `keep`."""
    per_record = collections.defaultdict(lambda: -1e9)
    labels = {}
    index = [i for i, group in enumerate(task.groups) if keep(group)]
    if index:
        values = model.decision_function(matrix([task.rows[i] for i in index]))
        for i, value in zip(index, values):
            per_record[task.ids[i]] = max(per_record[task.ids[i]], value)
            labels[task.ids[i]] = task.labels[i]
    for identifier, group, windows in task.bags:
        if keep(group):
            per_record[identifier] = float(np.max(model.decision_function(matrix(windows))))
            labels[identifier] = 1
    return per_record, labels


def choose_threshold(task, keep, c, target):
    """The lowest probability threshold whose out-of-fold false-positive rate stays under `target`,
    measured with the training groups split in INNER_FOLDS parts (grouped, so no source is scored by
    a model that saw it)."""
    sizes = collections.Counter(g for g in task.groups if keep(g)) + collections.Counter(bag[1] for bag in task.bags if keep(bag[1]))
    # Dealt by size, so the largest sources land in different folds.
    order = sorted(sizes, key=lambda g: (-sizes[g], g))
    folds = [set(order[i::INNER_FOLDS]) for i in range(INNER_FOLDS)]
    negatives, positives = [], []
    for fold in folds:
        if not fold:
            continue
        # A part whose complement holds one class only (all positives of a rare class sit in this part)
        # cannot be scored out of fold: it is left out of the threshold, not fitted.
        trained = {task.labels[i] for i, g in enumerate(task.groups) if keep(g) and g not in fold}
        trained |= {1 for bag in task.bags if keep(bag[1]) and bag[1] not in fold}
        if len(trained) < 2:
            continue
        model = fit(task, lambda g: keep(g) and g not in fold, c)
        scores, labels = record_scores(model, task, lambda g: keep(g) and g in fold)
        for identifier, score in scores.items():
            (positives if labels[identifier] == 1 else negatives).append(score)
    negatives = np.sort(np.array(negatives))[::-1]
    allowed = int(math.floor(target * len(negatives)))
    z = negatives[allowed] if allowed < len(negatives) else -10.0
    # Just above the highest allowed negative; never below an even chance of 0.5 - margin.
    z = max(z + 1e-3, -0.5)
    recall = float(np.mean(np.array(positives) >= z)) if positives else float("nan")
    return 1.0 / (1.0 + math.exp(-z)), recall, len(negatives), len(positives)


def pack(models):
    """The binary format LinearModelSet reads."""
    out = bytearray(b"MGLM1")
    out += struct.pack("<BBH", len(models), HASH_BITS, FLAGS)
    scales = []
    for name, model, threshold, high in models:
        coefficients = model.coef_[0]
        hashed = coefficients[:DIM]
        scale = float(np.max(np.abs(hashed))) / 127.0 or 1.0
        scales.append((hashed, scale))
        encoded = name.encode("utf-8")
        out += struct.pack("<B", len(encoded)) + encoded
        out += struct.pack("<ffff", float(model.intercept_[0]), threshold, high, scale)
        out += struct.pack(f"<{FLAGS}f", *[float(v) for v in coefficients[DIM:DIM + FLAGS]])
    quantized = [np.clip(np.round(hashed / scale), -127, 127).astype(np.int8) for hashed, scale in scales]
    out += np.stack(quantized, axis=1).reshape(-1).tobytes()
    return bytes(out)


def train_set(tasks, keep, report):
    packed = []
    for task in tasks:
        threshold, recall, negatives, positives = choose_threshold(task, keep, C[task.name], FP_TARGET[task.name])
        model = fit(task, keep, C[task.name])
        high = max(threshold, 1.0 - (1.0 - threshold) / 4.0)
        packed.append((task.name, model, threshold, high))
        report(f"  {task.name}: threshold {threshold:.3f} (out-of-fold recall {recall:.3f} on {positives}, FP target {FP_TARGET[task.name]} on {negatives})")
    return pack(packed)


def main():
    global GROUP_ALPHA, BALANCE_LANGUAGES
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", required=True, help="directory with tools.jsonl and texts.jsonl (build.py)")
    parser.add_argument("--rows", required=True, help="directory with defs.rows and outputs.rows (DetectionBenchmark export)")
    parser.add_argument("--swift", help="write the models as the generated Swift data file")
    parser.add_argument("--loso", help="write one model pair per held-out group into this directory")
    parser.add_argument("--only", nargs="*", help="with --loso: only these groups")
    parser.add_argument("--fold", type=int, nargs="*", help="with --loso: only these fold numbers (to run folds in parallel)")
    parser.add_argument("--group-alpha", type=float, default=GROUP_ALPHA, help="weigh records by their group's size ** -ALPHA (0: every record alike)")
    parser.add_argument("--unbalanced-languages", action="store_true", help="do not weigh each language's classes to the global ratio")
    parser.add_argument("--k", type=int, default=4, help="with --loso: folds of source groups (0: one per group)")
    args = parser.parse_args()
    GROUP_ALPHA = args.group_alpha
    BALANCE_LANGUAGES = not args.unbalanced_languages

    started = time.time()
    tools = load_records(os.path.join(args.corpus, "tools.jsonl"))
    texts = load_records(os.path.join(args.corpus, "texts.jsonl"))
    definition = definition_tasks(tools, load_rows(os.path.join(args.rows, "defs.rows")))
    output = output_task(texts, load_rows(os.path.join(args.rows, "outputs.rows")))
    say = lambda line: print(line, flush=True)
    say(f"loaded {len(tools)} definitions and {len(texts)} texts")

    if args.swift:
        say("training on every group")
        definitions = train_set([definition["poisoning"], definition["offensive"]], lambda g: True, say)
        outputs = train_set([output], lambda g: True, say)
        write_swift(args.swift, definitions, outputs)
        say(f"wrote {args.swift} ({len(definitions) + len(outputs)} bytes of models)")

    if args.loso:
        os.makedirs(args.loso, exist_ok=True)
        tool_groups = collections.Counter(r["group"] for r in tools.values())
        text_groups = collections.Counter(r["group"] for r in texts.values())
        sizes = tool_groups + text_groups
        groups = sorted(sizes, key=lambda g: (-sizes[g], g))
        if args.only:
            groups = [g for g in groups if g in args.only]
        # Every group is held out exactly once. With --k 0 one fold per group (leave-one-source-out);
        # with --k K the groups are dealt round-robin by size into K folds, each fold trained without
        # all of its groups (stricter than leave-one-out, and K instead of one fit per group).
        k = len(groups) if args.k == 0 else min(args.k, len(groups))
        folds = [groups[i::k] for i in range(k)]
        for number, held in enumerate(folds, 1):
            if args.fold and number not in args.fold:
                continue
            started = time.time()
            say(f"fold {number}/{k} without {', '.join(held)}")
            keep = lambda g, out=frozenset(held): g not in out
            definitions = train_set([definition["poisoning"], definition["offensive"]], keep, say) if any(g in tool_groups for g in held) else None
            outputs = train_set([output], keep, say) if any(g in text_groups for g in held) else None
            for group in held:
                safe = group.replace("/", "__")
                if definitions and group in tool_groups:
                    with open(os.path.join(args.loso, safe + ".definitions.bin"), "wb") as handle:
                        handle.write(definitions)
                if outputs and group in text_groups:
                    with open(os.path.join(args.loso, safe + ".outputs.bin"), "wb") as handle:
                        handle.write(outputs)
            say(f"  ({time.time() - started:.0f} s)")


def write_swift(path, definitions, outputs):
    def literal(data):
        text = base64.b64encode(data).decode("ascii")
        lines = [text[i:i + 120] for i in range(0, len(text), 120)]
        return '"""\n' + "\n".join(lines) + '\n"""'
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("// Generated by Benchmarks/Corpus/train.py; do not edit. Base64 of the LinearModelSet format.\n")
        handle.write("extension LearnedModels {\n")
        handle.write(f"    static let definitionsData = {literal(definitions)}\n")
        handle.write(f"    static let outputsData = {literal(outputs)}\n")
        handle.write("}\n")


if __name__ == "__main__":
    sys.exit(main())
