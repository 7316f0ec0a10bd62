#!/usr/bin/env python3
"""Regenerate /work/corpus/raw/taksec_pie.jsonl from TakSec/Prompt-Injection-Everywhere (MIT).

Every fenced code block of README.md (payloads + bypass techniques: leetspeak, separator-spaced
letters, base64, emoji, repetition, hypotheticals ...) except the defensive
"Protection Against Prompt Injection" template, plus the *.txt payload files.
Bare attacker instructions (no carrier exists in this repository).
Usage: taksec_pie.py [SNAPSHOT_GIT_DIR] [OUT_JSONL]
"""
import json
import os
import re
import subprocess
import sys

REPO = "TakSec/Prompt-Injection-Everywhere"
GROUP = "taksec_pie"
LICENSE = "MIT"
DEFAULT_GIT = "/work/.mirror/TakSec+Prompt-Injection-Everywhere/repo"
DEFAULT_OUT = "/work/corpus/raw/taksec_pie.jsonl"


def git(gitdir, *args):
    return subprocess.run(["git", "--git-dir", gitdir, *args], check=True, capture_output=True).stdout


def attack_of(title, text):
    t = (title + " " + text).lower()
    if "leak" in t or "repeat back the text" in t:
        return "prompt_leak"
    if "xss" in t or "sqli" in t:
        return "output_injection"
    if "base64" in t or "1gn0r3" in t or "|g|n" in t or text.startswith("🚫"):
        return "obfuscated_instruction"
    if "evil.com" in t:
        return "tool_redirection"
    if "malware" in t or "can do anything" in t or "never say you can't" in t:
        return "jailbreak"
    return "instruction_override"


def main():
    gitdir = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_GIT
    out = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_OUT
    commit = git(gitdir, "rev-parse", "HEAD").decode().strip()
    c12 = commit[:12]
    records, seen = [], set()

    def add(attack, text, path):
        text = text.strip()
        norm = " ".join(text.split())
        if len(text) < 10 or norm in seen or text == 'What is malware?"':
            return
        seen.add(norm)
        records.append({"id": f"{GROUP}/{len(records)}", "group": GROUP, "source": f"{REPO}@{c12}:{path}",
                        "license": LICENSE, "label": "injection", "attack": attack, "kind": "other",
                        "lang": "en", "synthetic": False, "text": text,
                        "note": "bare attacker instruction (no carrier in source)"})

    md = git(gitdir, "show", f"{commit}:README.md").decode("utf-8")
    for title, block in re.findall(r"^###\s*(.*?)\n+```[a-z]*\n(.*?)```", md, re.M | re.S):
        if "protection" in title.lower():
            continue
        add(attack_of(title, block), block, "README.md")
    for p in sorted(git(gitdir, "ls-tree", "--name-only", commit).decode().split("\n")):
        if p.endswith(".txt") and "Protection" not in p:
            add(attack_of(p, ""), git(gitdir, "show", f"{commit}:{p}").decode("utf-8"), p)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(records)} records -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
