#!/usr/bin/env python3
"""Regenerate /work/corpus/raw/greshake_llm_security.jsonl from greshake/llm-security (MIT).

The original indirect-prompt-injection demonstrations (Greshake et al. 2023):
* scenarios/gpt4/*.py, scenarios/gpt3langchain/*.py: class-level string constants that the
  demo places in a web page / e-mail / social-media post / fetched URL (injection), and the
  benign page text they are injected next to ("current_website" -> clean).
* scenarios/puzzle/puzzles/*: web-page injections that hijack a browsing assistant.
* scenarios/code-completion/advanced-example/injection/*.py: source files whose docstrings /
  comments carry instructions aimed at a code-completion model.
* scenarios/common/albert_einstein.md: benign Wikipedia-style page used as carrier (clean).
Usage: greshake_llm_security.py [SNAPSHOT_GIT_DIR] [OUT_JSONL]
"""
import ast
import json
import os
import subprocess
import sys
import textwrap

REPO = "greshake/llm-security"
GROUP = "greshake_llm_security"
LICENSE = "MIT"
DEFAULT_GIT = "/work/.mirror/greshake+llm-security/repo"
DEFAULT_OUT = "/work/corpus/raw/greshake_llm_security.jsonl"

INJ_NAMES = {"attacker_social_media_injection": ("web", "exfiltration"),
             "primary_payload": ("web", "tool_redirection"),
             "secondary_payload": ("web", "goal_hijack"),
             "original_injection": ("web", "tool_redirection"),
             "secondary_injection": ("web", "goal_hijack"),
             "injection": ("web", "exfiltration"),
             "malicious_email": ("email", "spam_generation"),
             "text": ("email", "spam_generation"),
             "instructions": ("chat", "persistence")}
PUZZLE_ATTACK = {"rickroll": "phishing_link", "social-engineer": "credential_request",
                 "leave-a-message": "goal_hijack", "ai-box": "command_execution"}


def git(gitdir, *args):
    return subprocess.run(["git", "--git-dir", gitdir, *args], check=True, capture_output=True).stdout


def main():
    gitdir = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_GIT
    out = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_OUT
    commit = git(gitdir, "rev-parse", "HEAD").decode().strip()
    c12 = commit[:12]
    files = git(gitdir, "ls-tree", "-r", "--name-only", commit, "scenarios").decode().split("\n")
    records, seen = [], set()

    def add(label, attack, kind, text, path):
        text = text.strip()
        if not text or text in seen:
            return
        seen.add(text)
        records.append({"id": f"{GROUP}/{len(records)}", "group": GROUP, "source": f"{REPO}@{c12}:{path}",
                        "license": LICENSE, "label": label, "attack": attack, "kind": kind, "lang": "en",
                        "synthetic": False, "text": text})

    def show(p):
        return git(gitdir, "show", f"{commit}:{p}").decode("utf-8")

    for p in sorted(files):
        if p.startswith(("scenarios/gpt4/", "scenarios/gpt3langchain/")) and p.endswith(".py") \
                and "/target/" not in p:
            tree = ast.parse(show(p))
            for n in ast.walk(tree):
                if not isinstance(n, ast.Assign) or len(n.targets) != 1:
                    continue
                name = getattr(n.targets[0], "id", None)
                v = n.value
                if isinstance(v, ast.JoinedStr):
                    v = ast.Constant("".join(x.value if isinstance(x, ast.Constant) else "{...}"
                                             for x in v.values))
                if not (isinstance(v, ast.Constant) and isinstance(v.value, str)):
                    continue
                s = textwrap.dedent(v.value)
                if name == "current_website":
                    add("clean", None, "web", s, p)
                elif name in INJ_NAMES and len(s) > 40:
                    kind, attack = INJ_NAMES[name]
                    if "remote-control" in p and name == "secondary_injection":
                        attack = "goal_hijack"
                    add("injection", attack, kind, s, p)
        elif p.startswith("scenarios/puzzle/puzzles/"):
            nm = p.rsplit("/", 1)[1]
            add("injection", PUZZLE_ATTACK.get(nm, "goal_hijack"), "web", show(p), p)
        elif p.startswith("scenarios/code-completion/advanced-example/injection/") and p.endswith(".py") \
                and not p.endswith("__init__.py"):
            add("injection", "command_execution" if "leftpad" in p else "goal_hijack", "code", show(p), p)
    add("clean", None, "web", show("scenarios/common/albert_einstein.md"), "scenarios/common/albert_einstein.md")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(records)} records -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
