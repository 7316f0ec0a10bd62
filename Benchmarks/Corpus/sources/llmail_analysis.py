#!/usr/bin/env python3
"""Regenerate /work/corpus/raw/llmail_analysis.jsonl from microsoft/llmail-inject-challenge-analysis (MIT).

* clean: the benign e-mails the LLMail-Inject challenge placed in the victim's mailbox
  (defense_eval/emails_data/level1..4.json and the false-positive test set fp_tests.json).
  These are exactly what an e-mail retrieval tool returned in the challenge, without the attacker e-mail.
* injection: the attacker e-mails quoted as examples in README.md (raw submission with
  subject/body, and the keys of the labelled-unique-submission examples).
The full submission set (~460k) lives on Hugging Face, not in this repository, and is not used.
Usage: llmail_analysis.py [SNAPSHOT_GIT_DIR] [OUT_JSONL]
"""
import ast
import json
import os
import re
import subprocess
import sys

REPO = "microsoft/llmail-inject-challenge-analysis"
GROUP = "llmail_analysis"
LICENSE = "MIT"
DEFAULT_GIT = "/work/.mirror/microsoft+llmail-inject-challenge-analysis/repo"
DEFAULT_OUT = "/work/corpus/raw/llmail_analysis.jsonl"
EMAIL_FILES = ["defense_eval/emails_data/level1.json", "defense_eval/emails_data/level2.json",
               "defense_eval/emails_data/level3.json", "defense_eval/emails_data/level4.json",
               "defense_eval/emails_data/fp_tests.json"]


def git(gitdir, *args):
    return subprocess.run(["git", "--git-dir", gitdir, *args], check=True, capture_output=True).stdout


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

    readme = git(gitdir, "show", f"{commit}:README.md").decode("utf-8")
    # python-literal code blocks in the README
    blocks = re.findall(r"```python\n(.*?)```", readme, re.S)
    for b in blocks:
        try:
            obj = ast.literal_eval(b.strip())
        except (ValueError, SyntaxError):
            continue
        if isinstance(obj, dict) and "body" in obj and "subject" in obj:
            add("injection", "tool_redirection",
                f"Subject of the email: {obj['subject']}.   Body: {obj['body']}", "README.md",
                note="attacker e-mail: makes the assistant send an e-mail to contact@contact.com")
        elif isinstance(obj, dict):
            for k, v in obj.items():
                if isinstance(k, str) and k.startswith("Subject of the email:") and isinstance(v, dict) \
                        and v.get("attack_attempt") == "True":
                    add("injection", "tool_redirection", k, "README.md",
                        note="attacker e-mail: makes the assistant send an e-mail to contact@contact.com")
    # labelled-unique-submission examples whose code block is not a complete literal
    for m in re.finditer(r"'(Subject of the email: .*?)': \{'attack_attempt': 'True'", readme, re.S):
        add("injection", "tool_redirection", m.group(1), "README.md",
            note="attacker e-mail: makes the assistant send an e-mail to contact@contact.com")
    for path in EMAIL_FILES:
        data = json.loads(git(gitdir, "show", f"{commit}:{path}").decode("utf-8"))
        for e in data["emails"]:
            add("clean", None, e, path)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(records)} records -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
