#!/usr/bin/env python3
"""Regenerate /work/corpus/raw/dataflip_opi.jsonl from sarthak-choudhary/DataFlip (MIT).

Stand-in for liu00222/Open-Prompt-Injection (not fetchable here): DataFlip ("How Not to Detect
Prompt Injections with an LLM", Choudhary et al. 2025) vendors the Open-Prompt-Injection package
and ships its experiment results. Its results/RQ2/<model>/target_<T>_inject_<I>*.json files hold:
  * attacked_data: the contaminated data actually fed to the app = DataFlip adaptive injection
    (fake '###MAIN TASK' header, IF/ELSE clause to fool known-answer detection, injected task
    instruction + injected-task data, fake completion of the target task). 3 template variants
    (orig, datasentinel_updated, smallcase) x 42 task pairs x 100 samples = 12,600 unique texts,
    identical across the 4 backend models. -> label injection, attack instruction_override.
  * target_data / inject_data: the clean task inputs (SST-2 sentences, SMS messages, MRPC / RTE
    sentence pairs, JFLEG sentences, Gigaword articles, HSOL tweets - some tweets are offensive
    but carry no instruction) -> label clean. Upstream dataset licences vary (public NLP sets).
RQ3 files hold only model responses (no inputs) and are not used; data/system_prompts are
app/system prompts (instructions by the developer, not data) and are not used.
Cap: 700 injection + 700 clean, chosen deterministically by sha1 of the normalised text
(the injections are heavily templated: one template family, varying injected task/data).
Usage: dataflip_opi.py [SNAPSHOT_GIT_DIR] [OUT_JSONL]
"""
import hashlib
import json
import os
import subprocess
import sys

REPO = "sarthak-choudhary/DataFlip"
GROUP = "dataflip_opi"
LICENSE = "MIT"
DEFAULT_GIT = "/work/.mirror/sarthak-choudhary+DataFlip/repo"
DEFAULT_OUT = "/work/corpus/raw/dataflip_opi.jsonl"
CAP_INJECTION = 700
CAP_CLEAN = 700


def git(gitdir, *args):
    return subprocess.run(["git", "--git-dir", gitdir, *args], check=True, capture_output=True).stdout


def norm(text):
    return " ".join(text.split())


def sha(text):
    return hashlib.sha1(norm(text).encode("utf-8")).hexdigest()


def main():
    gitdir = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_GIT
    out = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_OUT
    commit = git(gitdir, "rev-parse", "HEAD").decode().strip()
    c12 = commit[:12]
    paths = sorted(p for p in git(gitdir, "ls-tree", "-r", "--name-only", commit, "results/RQ2")
                   .decode().split("\n") if p.endswith(".json"))
    inj, clean = {}, {}
    for p in paths:
        d = json.loads(git(gitdir, "show", f"{commit}:{p}").decode("utf-8"))
        name = p.rsplit("/", 1)[-1][:-5]
        variant = ("datasentinel_updated" if "datasentinel_updated" in name
                   else "smallcase" if "smallcase" in name else "orig")
        for a in d.get("attacked_data", []):
            n = norm(a)
            if n and n not in inj:
                inj[n] = {"text": a.strip(), "path": p, "attack": "instruction_override",
                          "note": (f"DataFlip {variant} template; target task {d['target_task']}, "
                                   f"injected task {d['injected_task']}")}
        for field, task in (("target_data", d["target_task"]), ("inject_data", d["injected_task"])):
            for item in d.get(field, []):
                t = item[0] if isinstance(item, list) else item
                n = norm(t)
                if len(n) >= 20 and n not in clean:
                    clean[n] = {"text": t.strip(), "path": p, "attack": None,
                                "note": f"clean {task} task input ({field})"}
    for n in list(clean):
        if n in inj:
            del clean[n]
    records = []

    def emit(pool, label, cap):
        for n in sorted(pool, key=sha)[:cap]:
            r = pool[n]
            records.append({"id": f"{GROUP}/{len(records)}", "group": GROUP,
                            "source": f"{REPO}@{c12}:{r['path']}", "license": LICENSE,
                            "label": label, "attack": r["attack"], "kind": "other", "lang": "en",
                            "synthetic": False, "text": r["text"], "note": r["note"]})

    emit(inj, "injection", CAP_INJECTION)
    emit(clean, "clean", CAP_CLEAN)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(records)} records -> {out} (pool: {len(inj)} injection, {len(clean)} clean)",
          file=sys.stderr)


if __name__ == "__main__":
    main()
