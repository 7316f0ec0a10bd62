#!/usr/bin/env python3
"""Build /work/corpus/raw/vigil_llm.jsonl from deadbits/vigil-llm (Apache-2.0).

Vigil's injection/jailbreak datasets live on Hugging Face (not in the repository), so the snapshot only
carries a handful of example strings. Extracted (HEAD only):
* data/prompts/relevance.yaml -- the two example prompts between </!~~TEXT~~> tags (a benign request
  with an appended "Ignore the above/prior instructions ..." line) -> injection.
* README.md -- "prompt"/"text" values of the example API output (vector-db matches from the Vigil
  instruction-bypass dataset, e.g. "Ignore earlier instructions") -> injection.
* scripts/tests.py, scripts/test_api.sh -- example attack prompts -> injection.
Placeholders ("Your prompt here"), canary-token demo prompts and YARA/regex rule text are skipped.
Bare attacker instructions (no tool-output carrier in the source). Tiny source (~10 records).
Usage: vigil_llm.py [SNAPSHOT_GIT_DIR] [OUT_JSONL]
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _newsrc import Writer, head, show  # noqa: E402

REPO = "deadbits/vigil-llm"
GROUP = "vigil_llm"
LICENSE = "Apache-2.0"
DEFAULT_GIT = "/work/.mirror/deadbits+vigil-llm/repo"
DEFAULT_OUT = "/work/corpus/raw/vigil_llm.jsonl"

INJ = re.compile(r"ignore|disregard|password|secret", re.I)


def attack_of(t):
    t = t.lower()
    if "prompt text" in t:
        return "prompt_leak"
    if "password" in t or "secret" in t:
        return "exfiltration"
    return "instruction_override"


def main():
    gitdir = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_GIT
    out = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_OUT
    commit = head(gitdir)
    w = Writer(REPO, GROUP, LICENSE)

    p = "data/prompts/relevance.yaml"
    for block in re.findall(r"</!~~TEXT~~>\n(.*?)</!~~TEXT~~>", show(gitdir, p, commit), re.S):
        block = "\n".join(l.strip() for l in block.strip().split("\n"))
        if INJ.search(block):
            w.add("injection", attack_of(block), "other", block, commit, p,
                  "example prompt: benign request followed by injected override line")
    p = "README.md"
    for v in re.findall(r'"(?:prompt|text)":\s*"([^"]+)"', show(gitdir, p, commit)):
        if INJ.search(v):
            w.add("injection", attack_of(v), "other", v, commit, p, "bare attacker instruction")
    for p, pat in (("scripts/tests.py", r"'([^']+)'"), ("scripts/test_api.sh", r'"prompt":\s*"([^"]+)"')):
        for v in re.findall(pat, show(gitdir, p, commit)):
            v = v.replace("\\n", "\n")
            if INJ.search(v):
                w.add("injection", attack_of(v), "other", v, commit, p, "bare attacker instruction")
    w.write(out)


if __name__ == "__main__":
    main()
