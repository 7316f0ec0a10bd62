#!/usr/bin/env python3
"""Regenerate /work/corpus/raw/patt_pi.jsonl from swisskyrepo/PayloadsAllTheThings (MIT),
file "Prompt Injection/README.md".

* Direct prompt-injection payloads (bullet list "* Label: `payload`" and the strategy table).
  These are bare attacker instructions; each is kept bare AND embedded (derived, with "note") in one
  of the indirect carriers the same README shows (EXIF metadata "Software" field, HTML comment,
  JS code comment, JSON API response "message"), rotating deterministically.
* Indirect examples (code blocks of the "Indirect Prompt Injection" section) and the
  Cross-Plugin-Request-Forgery block are kept as found.
Usage: patt_pi.py [SNAPSHOT_GIT_DIR] [OUT_JSONL]
"""
import json
import os
import re
import subprocess
import sys

REPO = "swisskyrepo/PayloadsAllTheThings"
GROUP = "patt_pi"
LICENSE = "MIT"
PATH = "Prompt Injection/README.md"
DEFAULT_GIT = "/work/.mirror/swisskyrepo+PayloadsAllTheThings/repo"
DEFAULT_OUT = "/work/corpus/raw/patt_pi.jsonl"


def git(gitdir, *args):
    return subprocess.run(["git", "--git-dir", gitdir, *args], check=True, capture_output=True).stdout


def attack_of(label, text):
    l = (label + " " + text).lower()
    if "leak prompt" in l or "text of the prompt" in l:
        return "prompt_leak"
    if "credit card" in l or "password" in l or "secret" in l or "send it to me" in l:
        return "exfiltration"
    if re.search(r"popen|\bos\.|\beval\b|\bcurl\b|backdoor|\brce\b|run os commands|\bcmd\b|print\(|hashlib", l):
        return "command_execution"
    if "xss" in l or "<script" in l or "sqli" in l or "1=1" in l or "onerror" in l:
        return "output_injection"
    if "ssrf" in l or "fetch the contents" in l:
        return "tool_redirection"
    if "never-ending" in l or "denial" in l or "token flooding" in l or "nesting" in l:
        return "denial_of_service"
    if "napalm" in l or "villain" in l or "developer mode" in l or "jailbreak" in l or "without restrictions" in l \
            or "exploit x" in l or "unauthorized info" in l:
        return "jailbreak"
    if "base64" in l or "unicode" in l or "homoglyph" in l or "&#x" in l:
        return "obfuscated_instruction"
    return "instruction_override"


def main():
    gitdir = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_GIT
    out = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_OUT
    commit = git(gitdir, "rev-parse", "HEAD").decode().strip()
    c12 = commit[:12]
    md = git(gitdir, "show", f"{commit}:{PATH}").decode("utf-8")
    direct_sec = md.split("## Direct Prompt Injection", 1)[1].split("## Indirect Prompt Injection", 1)[0]
    indirect_sec = md.split("## Indirect Prompt Injection", 1)[1].split("## References", 1)[0]
    records, seen = [], set()

    def add(label, attack, kind, text, note=None):
        text = text.strip()
        if not text or text in seen:
            return
        seen.add(text)
        r = {"id": f"{GROUP}/{len(records)}", "group": GROUP, "source": f"{REPO}@{c12}:{PATH}",
             "license": LICENSE, "label": label, "attack": attack, "kind": kind, "lang": "en",
             "synthetic": False, "text": text}
        if note:
            r["note"] = note
        records.append(r)

    def dedent_block(b):
        lines = b.split("\n")
        ind = min((len(l) - len(l.lstrip()) for l in lines if l.strip()), default=0)
        return "\n".join(l[ind:] for l in lines)

    bare = []
    for label, payload in re.findall(r"^\* ([^:\n]+): `([^`]+)`", direct_sec, re.M):
        bare.append((label, payload))
    for row in re.findall(r"^\|([^|\n]+)\|([^|\n]+)\|\s*`(.+?)`\s*(?:[^|\n]*)\|\s*$", direct_sec, re.M):
        bare.append((row[0].strip() + " / " + row[1].strip(), row[2]))
    for b in re.findall(r"```[a-z0-9]*\n(.*?)```", direct_sec, re.S):
        add("injection", "exfiltration", "web", dedent_block(b),
            note="cross-plugin request forgery payload as placed in a web page")
    carriers = []
    for b in re.findall(r"```[a-z0-9]*\n(.*?)```", indirect_sec, re.S):
        b = dedent_block(b).strip()
        kind = "json" if b.startswith("{") else ("code" if "//" in b or "<!--" in b else "other")
        add("injection", "instruction_override" if "reveal" not in b else "exfiltration", kind, b)
        carriers.append(b)
    bare = [(l, p) for l, p in bare if len(p.strip()) >= 10]
    for label, payload in bare:
        add("injection", attack_of(label, payload), "other", payload,
            note="bare attacker instruction (direct prompt injection)")
    # derived carried versions
    exif = next(c for c in carriers if "Software" in c)
    api = next(c for c in carriers if c.startswith("{"))
    def embed(i, p):
        j = i % 4
        if j == 0:
            return "other", re.sub(r"Software .*", "Software " + p.replace("\\", "\\\\"), exif, count=1)
        if j == 1:
            return "json", json.dumps({"message": p}, indent=4, ensure_ascii=False)
        if j == 2:
            return "web", f"<!-- {p} -->"
        return "code", f"// {p}"
    for i, (label, payload) in enumerate(bare):
        kind, txt = embed(i, payload)
        add("injection", attack_of(label, payload), kind, txt,
            note="derived: bare payload embedded in an indirect carrier shown in the same README")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(records)} records -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
