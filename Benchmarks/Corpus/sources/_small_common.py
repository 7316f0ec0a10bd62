"""Shared helpers for the small example-string sources (vigil_llm, rebuff)."""
import json
import os
import subprocess


def git(gitdir, *args):
    return subprocess.run(["git", "--git-dir", gitdir, *args], check=True, capture_output=True).stdout


def show(gitdir, commit, path):
    return git(gitdir, "show", f"{commit}:{path}").decode("utf-8")


class Writer:
    def __init__(self, repo, group, license_):
        self.repo, self.group, self.license = repo, group, license_
        self.records, self.seen = [], set()

    def add(self, label, attack, kind, text, commit, path, note):
        text = text.strip()
        norm = " ".join(text.split()).lower()
        if len(text) < 8 or norm in self.seen:
            return
        self.seen.add(norm)
        self.records.append({"id": f"{self.group}/{len(self.records)}", "group": self.group,
                             "source": f"{self.repo}@{commit[:12]}:{path}", "license": self.license,
                             "label": label, "attack": attack, "kind": kind, "lang": "en",
                             "synthetic": False, "text": text, "note": note})

    def write(self, out):
        os.makedirs(os.path.dirname(out), exist_ok=True)
        with open(out, "w", encoding="utf-8") as f:
            for r in self.records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"{len(self.records)} records -> {out}")
