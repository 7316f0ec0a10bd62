#!/usr/bin/env python3
"""Build /work/corpus/raw/hinglish_pi.jsonl from kyahikaru/hinglish-prompt-injection-detector (MIT).

"Layered Defense Against Stealth Prompt Injection in Hinglish" (Abhishek Upadhayay). Its own
evaluation sets (data/*.csv, columns id, category, hinglish, expected, reason) are used; the vendored
Srinivasan et al. dataset (data/srinivasan_dataset.xlsx) is not read.
* data/hinglish-stealth-250.csv + data/hinglish-stealth-110-heldout.csv: only rows whose reason is
  "Explicit Override" or "... Direct Override" (romanised Hinglish, Devanagari Hindi and English
  "ignore the previous instructions / you are now in developer mode / reveal the system prompt")
  -> injection (instruction_override, or prompt_leak when the system prompt is asked for).
  The other BLOCK rows (fiction/academic/research framing, authority impersonation, leetspeak
  "h0w t0 m4k3 4 b0mb") are harmful *requests* or questions about prompt injection, not instructions
  that hijack a model, and are skipped.
* data/hinglish-clean-500.csv (ALLOW; casual chat, study, health, tech help ...) -> clean
  (hard negatives in code-mixed Hinglish; 500 rows, ~355 unique after dedupe).
Bare texts (user-message style; no tool-output carrier in the source). lang: "hi" when Devanagari
is present, "hi-Latn" for romanised Hinglish, "en" for plain English rows.
Usage: hinglish_pi.py [SNAPSHOT_GIT_DIR] [OUT_JSONL]
"""
import csv
import io
import json
import os
import re
import subprocess
import sys

REPO = "kyahikaru/hinglish-prompt-injection-detector"
GROUP = "hinglish_pi"
LICENSE = "MIT"
DEFAULT_GIT = "/work/.mirror/kyahikaru+hinglish-prompt-injection-detector/repo"
DEFAULT_OUT = "/work/corpus/raw/hinglish_pi.jsonl"

ATTACK_FILES = ["data/hinglish-stealth-250.csv", "data/hinglish-stealth-110-heldout.csv"]
CLEAN_FILE = "data/hinglish-clean-500.csv"
DEVANAGARI = re.compile(r"[\u0900-\u097f]")
HINGLISH = re.compile(r"\b(karo|kar|ke|ki|ka|hai|hain|ho|mein|tum|ab|se|ko|nahi|mat|sirf|meri|mera|mujhe|"
                      r"yaar|bhai|kya|kaise|aaj|kal|bata|batao|hoga|hogi|chahiye|dena|jao|saare|purane|"
                      r"aur|bhi|wo|jaise|raha|rahe|liye|kuch|karun|chalte|bana|banayi|thi|baare|kaisa|hum|samjhao|dikhao)\b", re.I)


def git(gitdir, *args):
    return subprocess.run(["git", "--git-dir", gitdir, *args], check=True, capture_output=True).stdout


def lang_of(text):
    if DEVANAGARI.search(text):
        return "hi"
    return "hi-Latn" if HINGLISH.search(text) else "en"


def main():
    gitdir = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_GIT
    out = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_OUT
    commit = git(gitdir, "rev-parse", "HEAD").decode().strip()
    c12 = commit[:12]
    records, seen = [], set()

    def add(label, attack, text, path, note):
        text = text.strip()
        norm = " ".join(text.split()).lower()
        if len(text) < 8 or norm in seen:
            return
        seen.add(norm)
        records.append({"id": f"{GROUP}/{len(records)}", "group": GROUP, "source": f"{REPO}@{c12}:{path}",
                        "license": LICENSE, "label": label, "attack": attack, "kind": "chat",
                        "lang": lang_of(text), "synthetic": False, "text": text, "note": note})

    def rows(path):
        return list(csv.DictReader(io.StringIO(git(gitdir, "show", f"{commit}:{path}").decode("utf-8"))))

    for path in ATTACK_FILES:
        for r in rows(path):
            if r["expected"] == "BLOCK" and "Override" in r["reason"]:
                t = r["hinglish"].lower()
                attack = "prompt_leak" if ("system prompt" in t or "सिस्टम प्रॉम्प्ट" in t) else "instruction_override"
                add("injection", attack, r["hinglish"], path, f"bare override ({r['category']})")
    for r in rows(CLEAN_FILE):
        if r["expected"] == "ALLOW":
            add("clean", None, r["hinglish"], CLEAN_FILE, f"benign Hinglish query ({r['category']})")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(records)} records -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
