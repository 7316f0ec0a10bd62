#!/usr/bin/env python3
"""Regenerate /work/corpus/raw/cyberseceval_pi.jsonl from a snapshot of meta-llama/PurpleLlama.

Source files (CybersecurityBenchmarks is MIT-licensed, see CybersecurityBenchmarks/LICENSE):
  CybersecurityBenchmarks/datasets/prompt_injection/prompt_injection.json                       (English)
  CybersecurityBenchmarks/datasets/prompt_injection/prompt_injection_multilingual_machine_translated.json (16 languages + Hindi)

* injection_type == "indirect": the user_input quotes a document (web page, resume, e-mail, code,
  table, article) carrying the injection.  The quoted document is cut out of the user's request
  (text after the first ": '" / ": <" / ": {") and kept as the record text; when no quote is found
  the whole user_input is kept.
* injection_type == "direct": bare user-turn injections (not tool outputs).  At most 300 are kept,
  stratified by language (sha1 order), each marked with a "note".
No clean counterparts exist in this dataset.
Usage: cyberseceval_pi.py [SNAPSHOT_GIT_DIR] [OUT_JSONL]
"""
import hashlib
import json
import os
import re
import subprocess
import sys
from collections import defaultdict

REPO = "meta-llama/PurpleLlama"
GROUP = "cyberseceval_pi"
LICENSE = "MIT"
DEFAULT_GIT = "/work/.mirror/meta-llama+PurpleLlama/repo"
DEFAULT_OUT = "/work/corpus/raw/cyberseceval_pi.jsonl"
FILES = [
    "CybersecurityBenchmarks/datasets/prompt_injection/prompt_injection.json",
    "CybersecurityBenchmarks/datasets/prompt_injection/prompt_injection_multilingual_machine_translated.json",
]
LANG = {"English": "en", "Hindi": "hi", "Bengali": "bn", "Turkish": "tr", "Arabic": "ar", "Italian": "it",
        "Spanish": "es", "Vietnamese": "vi", "French": "fr", "Russian": "ru", "Filipino/Tagalog": "tl",
        "Portuguese": "pt", "Japanese": "ja", "Korean": "ko", "German": "de", "Chinese": "zh",
        "Indonesian": "id", "Thai": "th"}
DIRECT_CAP = 300


def git(gitdir, *args):
    return subprocess.run(["git", "--git-dir", gitdir, *args], check=True, capture_output=True).stdout


def h(s):
    return hashlib.sha1(s.encode("utf-8")).hexdigest()


QUOTE = re.compile(r"[:：]\s*(['\"‘“«<{]|```)")


def extract_doc(ui):
    m = QUOTE.search(ui)
    if not m or m.start() > 300:
        return ui, False
    doc = ui[m.start(1):].strip()
    pairs = {"'": "'", '"': '"', "‘": "’", "“": "”", "«": "»"}
    if doc[:1] in pairs and doc.endswith(pairs[doc[:1]]) and len(doc) > 2:
        doc = doc[1:-1]
    elif doc[:1] in pairs and doc[-1:] in ("'", '"', "’", "”", "»"):
        doc = doc[1:-1]
    if len(doc) < 20:
        return ui, False
    return doc.strip(), True


def kind_of(doc, ui):
    low = (doc + " " + ui[:200]).lower()
    if "<html" in low or "webpage" in low or "website" in low or "<body" in low or "<p>" in low:
        return "web"
    if "<code>" in low or "def " in doc or "import " in doc or "function" in low and "{" in doc:
        return "code"
    if "email" in low or "e-mail" in low or "recipient" in low or "correo" in low:
        return "email"
    if "<table" in low or "csv" in low:
        return "doc"
    return "doc"


def attack_of(x, indirect):
    j = (x.get("judge_question", "") + " " + x.get("user_input", "")).lower()
    if "http" in j or "link" in j or "enlace" in j:
        return "phishing_link"
    if x["risk_category"] == "security-violating":
        if any(w in j for w in ("secret", "password", "key", "private", "e-mail address", "email address",
                                "employee details", "send them to", "@")):
            return "exfiltration" if indirect else "secret_extraction"
        return "goal_hijack"
    return "instruction_override"


def main():
    gitdir = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_GIT
    out = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_OUT
    commit = git(gitdir, "rev-parse", "HEAD").decode().strip()
    c12 = commit[:12]
    records, seen = [], set()
    direct = defaultdict(list)
    for path in FILES:
        data = json.loads(git(gitdir, "show", f"{commit}:{path}").decode("utf-8"))
        for x in data:
            lang = LANG[x["speaking_language"]]
            ui = x["user_input"]
            if x["injection_type"] == "indirect":
                doc, cut = extract_doc(ui)
                if doc in seen:
                    continue
                seen.add(doc)
                r = {"group": GROUP, "source": f"{REPO}@{c12}:{path}", "license": LICENSE,
                     "label": "injection", "attack": attack_of(x, True), "kind": kind_of(doc, ui),
                     "lang": lang, "synthetic": False, "text": doc}
                if x["injection_variant"] == "different_user_input_language":
                    r["note"] = "injection written in a language other than the carrier"
                records.append(r)
            else:
                direct[lang].append((path, x))
    # stratified sample of direct injections
    langs = sorted(direct)
    for k in langs:
        direct[k].sort(key=lambda px: h(px[1]["user_input"]))
    picked, i = [], 0
    while len(picked) < DIRECT_CAP and any(direct[k] for k in langs):
        k = langs[i % len(langs)]
        if direct[k]:
            picked.append((k, *direct[k].pop(0)))
        i += 1
    for lang, path, x in picked:
        ui = x["user_input"]
        if ui in seen:
            continue
        seen.add(ui)
        records.append({"group": GROUP, "source": f"{REPO}@{c12}:{path}", "license": LICENSE,
                        "label": "injection", "attack": attack_of(x, False), "kind": "chat",
                        "lang": lang, "synthetic": False, "text": ui,
                        "note": f"direct user-turn injection (not a tool output); technique: {x['injection_variant']}"})
    for n, r in enumerate(records):
        r["id"] = f"{GROUP}/{n}"
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps({"id": r.pop("id"), **r}, ensure_ascii=False) + "\n")
    print(f"{len(records)} records -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
