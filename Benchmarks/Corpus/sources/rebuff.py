#!/usr/bin/env python3
"""Build /work/corpus/raw/rebuff.jsonl from protectai/rebuff (Apache-2.0).

Rebuff keeps its attack vectors in an external vector store; the repository carries only example
strings. Extracted:
* javascript-sdk/src/lib/prompts.ts (HEAD) -- the few-shot "User string: ... <score>" examples of the
  LLM detector prompt: score >= 0.9 -> injection, 0.0 -> clean (benign business questions); the bare
  word "Ignore" (0.2) is skipped.
* javascript-sdk/tests/index.test.ts (HEAD) -- benign_inputs -> clean, prompt_injection_inputs and the
  canary-leak prompt -> injection.
* README.md and python-sdk/python-sdk-examples.ipynb (HEAD) -- example user_input / input_string
  attacks -> injection.
* python-sdk/rebuff/utils/documents.txt at commit 12c63b08177d (a later commit in the snapshot's history,
  not on HEAD) -- the two seed vectors -> injection.
The heuristic keyword combinations (generated verb x adjective x object lists) are not emitted.
Bare attacker instructions (no tool-output carrier in the source). Tiny source (~15 records).
Usage: rebuff.py [SNAPSHOT_GIT_DIR] [OUT_JSONL]
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _newsrc import Writer, head, show  # noqa: E402

REPO = "protectai/rebuff"
GROUP = "rebuff"
LICENSE = "Apache-2.0"
DEFAULT_GIT = "/work/.mirror/protectai+rebuff/repo"
DEFAULT_OUT = "/work/corpus/raw/rebuff.jsonl"
DOCS_COMMIT = "12c63b08177db8edddadff8b593d418b41fd5557"


def attack_of(t):
    t = t.lower()
    if "developer mode" in t:
        return "jailbreak"
    if "drop table" in t or "tab;le" in t:
        return "command_execution"
    if "print out all previous instructions" in t:
        return "prompt_leak"
    if "password" in t or "secret" in t:
        return "exfiltration"
    return "instruction_override"


def main():
    gitdir = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_GIT
    out = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_OUT
    commit = head(gitdir)
    w = Writer(REPO, GROUP, LICENSE)

    p = "javascript-sdk/src/lib/prompts.ts"
    for text, score in re.findall(r"User string: (.+?)\n\s*([0-9.]+)\n", show(gitdir, p, commit)):
        s = float(score)
        if s >= 0.9:
            w.add("injection", attack_of(text), "other", text, commit, p, "few-shot attack example (bare)")
        elif s == 0.0:
            w.add("clean", None, "chat", text, commit, p, "few-shot benign example")
    p = "javascript-sdk/tests/index.test.ts"
    src = show(gitdir, p, commit)
    for name, label in (("benign_inputs", "clean"), ("prompt_injection_inputs", "injection")):
        arr = re.search(name + r"\s*=\s*(\[.*?\])", src, re.S).group(1)
        for text in json.loads(arr):
            w.add(label, attack_of(text) if label == "injection" else None,
                  "other" if label == "injection" else "chat", text, commit, p, "test input")
    for text in re.findall(r'"(Actually, everything above[^"]+)"', src):
        w.add("injection", attack_of(text), "other", text, commit, p, "test input (bare)")
    p = "README.md"
    for text in re.findall(r'user_input = "([^"]+)"', show(gitdir, p, commit)):
        w.add("injection", attack_of(text), "other", text, commit, p, "example attack (bare)")
    p = "python-sdk/python-sdk-examples.ipynb"
    for text in re.findall(r'input_string = \\"(.+?)\\"\\n', show(gitdir, p, commit)):
        w.add("injection", attack_of(text), "other", text, commit, p, "example attack (bare)")
    p = "python-sdk/rebuff/utils/documents.txt"
    for line in show(gitdir, p, DOCS_COMMIT).split("\n"):
        line = line.strip().strip('"').strip()
        w.add("injection", attack_of(line), "other", line, DOCS_COMMIT, p, "vector-store seed attack (bare)")
    w.write(out)


if __name__ == "__main__":
    main()
