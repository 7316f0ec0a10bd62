#!/usr/bin/env python3
"""Build /work/corpus/raw/tasktracker.jsonl from microsoft/TaskTracker (MIT).

TaskTracker (Abdelnabi et al., "Are you still on track!?") builds poisoned retrieval paragraphs by
inserting a *trigger phrase* plus a *secondary task* into SQuAD / HotpotQA paragraphs. The generated
datasets themselves (dataset_sampled/*.json) are not present in the snapshot (absent large blobs) and
the paragraphs come from external datasets, so only the attack material carried in the repository is
extracted:

* quick_start/mock_data.json -- one poisoned paragraph (label 1 -> injection, the carrier with the
  instruction inside) and its clean twin (label 0 -> clean).
* dataset_creation/datasets/saved_injections.txt -- GPT-written trigger phrases ("The moment of truth
  has arrived; what comes next is not a suggestion, but a mandate for immediate action.") that announce
  an injected instruction to the model -> injection / instruction_override.
* dataset_creation/datasets/saved_injections_test.txt -- separator + "disregard all other directives"
  phrases -> injection / instruction_override.
* dataset_creation/datasets/jailbreaks_pair_attack.txt (PAIR jailbreaks) and llm_adaptive_attacks.txt
  (harmful request + adversarial suffix), used by TaskTracker as injected secondary tasks ->
  injection / jailbreak.

Not extracted: trivia_pairs.txt and translated_secondary_tasks.txt (plain "please answer the following
question: ..." in en/de/fr/it/es/ar) -- on their own they are ordinary questions, not instructions that
a guard could tell from a user query; and the *_files_*.txt lists (file names only). No BIPIA material
is vendored in the repository (TaskTracker downloads it at build time); nothing of it is read here.
Bare attacker instructions except the mock_data carrier.
Usage: tasktracker.py [SNAPSHOT_GIT_DIR] [OUT_JSONL]
"""
import json
import os
import subprocess
import sys

REPO = "microsoft/TaskTracker"
GROUP = "tasktracker"
LICENSE = "MIT"
DEFAULT_GIT = "/work/.mirror/microsoft+TaskTracker/repo"
DEFAULT_OUT = "/work/corpus/raw/tasktracker.jsonl"

DS = "task_tracker/dataset_creation/datasets/"
LINE_FILES = [
    (DS + "saved_injections.txt", "instruction_override", "trigger phrase announcing an injected task (bare)"),
    (DS + "saved_injections_test.txt", "instruction_override", "separator + override phrase (bare)"),
    (DS + "jailbreaks_pair_attack.txt", "jailbreak", "PAIR jailbreak used as injected secondary task (bare)"),
    (DS + "llm_adaptive_attacks.txt", "jailbreak", "harmful request + adversarial suffix used as injected task (bare)"),
]


def git(gitdir, *args):
    return subprocess.run(["git", "--git-dir", gitdir, *args], check=True, capture_output=True).stdout


def main():
    gitdir = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_GIT
    out = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_OUT
    commit = git(gitdir, "rev-parse", "HEAD").decode().strip()
    c12 = commit[:12]
    records, seen = [], set()

    def add(label, attack, kind, text, path, note):
        text = text.strip()
        norm = " ".join(text.split()).lower()
        if len(text) < 15 or norm in seen:
            return
        seen.add(norm)
        records.append({"id": f"{GROUP}/{len(records)}", "group": GROUP, "source": f"{REPO}@{c12}:{path}",
                        "license": LICENSE, "label": label, "attack": attack, "kind": kind,
                        "lang": "en", "synthetic": False, "text": text, "note": note})

    p = "quick_start/mock_data.json"
    for item in json.loads(git(gitdir, "show", f"{commit}:{p}").decode("utf-8")):
        if item["label"] == 1:
            add("injection", "goal_hijack", "doc", item["text"], p,
                "retrieved paragraph with embedded secondary task (carrier)")
        else:
            add("clean", None, "doc", item["text"], p, "clean twin of the poisoned paragraph")
    for path, attack, note in LINE_FILES:
        for line in git(gitdir, "show", f"{commit}:{path}").decode("utf-8").split("\n"):
            add("injection", attack, "other", line, path, note)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(records)} records -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
