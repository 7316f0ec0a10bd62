#!/usr/bin/env python3
"""Regenerate /work/corpus/raw/email_agent_grpo.jsonl from
CatarinaSeigward/Email-Agent-Prompt-Injection-and-GRPO-Defense (MIT).

* data/attack_seeds.jsonl: 30 hand-written attacker e-mails (from/subject/body) -> injection.
* data/grpo_prompts.jsonl, data/dpo_pairs.jsonl: chat prompts that embed one e-mail being
  processed ("The next email being processed: ... <|im_end|>"); the embedded e-mail is cut out.
  These are PAIR-rewritten variants of the seeds (marked with a note) -> injection.
* data/inbox.json: the benign mailbox the agent reads -> clean.
E-mails are rendered as "From: ...\nSubject: ...\nBody:\n...", the format the repo's agent sees.
Usage: email_agent_grpo.py [SNAPSHOT_GIT_DIR] [OUT_JSONL]
"""
import json
import os
import re
import subprocess
import sys

REPO = "CatarinaSeigward/Email-Agent-Prompt-Injection-and-GRPO-Defense"
GROUP = "email_agent_grpo"
LICENSE = "MIT"
DEFAULT_GIT = "/work/.mirror/CatarinaSeigward+Email-Agent-Prompt-Injection-and-GRPO-Defense/repo"
DEFAULT_OUT = "/work/corpus/raw/email_agent_grpo.jsonl"
EMAIL_RE = re.compile(r"The next email being processed:\n(.*?)<\|im_end\|>", re.S)


def git(gitdir, *args):
    return subprocess.run(["git", "--git-dir", gitdir, *args], check=True, capture_output=True).stdout


def attack_of(category, text):
    low = text.lower()
    if category == "exfiltration":
        return "exfiltration"
    if re.search(r"\bdelete\b|\bpurge\b|\berase\b|\bwipe\b", low):
        return "data_destruction"
    if re.search(r"forward|send (it|them|all|every|a copy)|exfil|@evil|dump@|backup@", low):
        return "exfiltration"
    if category == "hidden_injection":
        return "hidden_instruction"
    return "instruction_override"


def main():
    gitdir = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_GIT
    out = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_OUT
    commit = git(gitdir, "rev-parse", "HEAD").decode().strip()
    c12 = commit[:12]
    records, seen = [], set()

    def add(label, attack, text, path, note=None):
        text = text.strip()
        if not text or text in seen:
            return
        seen.add(text)
        r = {"id": f"{GROUP}/{len(records)}", "group": GROUP, "source": f"{REPO}@{c12}:{path}",
             "license": LICENSE, "label": label, "attack": attack, "kind": "email", "lang": "en",
             "synthetic": False, "text": text}
        if note:
            r["note"] = note
        records.append(r)

    def show(path):
        return git(gitdir, "show", f"{commit}:{path}").decode("utf-8")

    for line in show("data/attack_seeds.jsonl").splitlines():
        if not line.strip():
            continue
        s = json.loads(line)
        txt = f"From: {s['from']}\nSubject: {s['subject']}\nBody:\n{s['body']}"
        add("injection", attack_of(s["category"], s["body"]), txt, "data/attack_seeds.jsonl")
    for path in ("data/grpo_prompts.jsonl", "data/dpo_pairs.jsonl"):
        for line in show(path).splitlines():
            if not line.strip():
                continue
            s = json.loads(line)
            m = EMAIL_RE.search(s["prompt"])
            if not m:
                continue
            add("injection", attack_of(s.get("category", ""), m.group(1)), m.group(1), path,
                note=f"PAIR-generated variant of seed {s.get('seed_id')}")
    for e in json.loads(show("data/inbox.json")):
        add("clean", None, f"From: {e['from']}\nSubject: {e['subject']}\nBody:\n{e['body']}", "data/inbox.json")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(records)} records -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
