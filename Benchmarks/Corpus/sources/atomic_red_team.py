#!/usr/bin/env python3
"""Regenerate /work/corpus/raw/atomic_red_team.jsonl from a snapshot of
redcanaryco/atomic-red-team (MIT).

Every atomic test in atomics/T*/T*.yaml becomes one `offensive` tool definition:
  name        = snake_case of the test name
  description = the test description, then the ATT&CK technique id and name
  inputSchema = JSON schema built from input_arguments (description/type/default)
The attack family comes from the tactic of the technique in
atomics/Indexes/Indexes-CSV/index.csv (first tactic by a fixed priority).

Usage: atomic_red_team.py [SNAPSHOT_GIT_DIR] [OUT_JSONL]
Reads the snapshot with `git show` (no work tree needed). Needs PyYAML (system python).
"""
import csv, io, json, re, subprocess, sys
import yaml

GROUP = "atomic_red_team"
REPO = "redcanaryco/atomic-red-team"
SNAP = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/redcanaryco+atomic-red-team/repo"
OUT = sys.argv[2] if len(sys.argv) > 2 else f"/work/corpus/raw/{GROUP}.jsonl"

TACTIC_FAMILY = {
    "credential-access": "credential_access", "exfiltration": "exfiltration",
    "command-and-control": "command_and_control", "lateral-movement": "lateral_movement",
    "privilege-escalation": "privilege_escalation", "persistence": "persistence",
    "impact": "impact", "stealth": "defense_evasion", "defense-impairment": "defense_evasion",
    "defense-evasion": "defense_evasion", "collection": "collection",
    "initial-access": "initial_access", "execution": "execution", "discovery": "discovery",
    "reconnaissance": "reconnaissance", "resource-development": "resource_development",
}
PRIORITY = list(TACTIC_FAMILY)  # dict order = priority

TYPE_MAP = {"string": "string", "path": "string", "url": "string", "integer": "integer",
            "int": "integer", "float": "number", "number": "number", "boolean": "boolean",
            "bool": "boolean"}


def git(*args):
    return subprocess.run(["git", "--git-dir", SNAP, *args], check=True,
                          capture_output=True).stdout


def snake(s):
    s = re.sub(r"[^0-9A-Za-z]+", "_", s).strip("_").lower()
    return re.sub(r"_+", "_", s)


def main():
    commit = git("rev-parse", "HEAD").decode().strip()
    c12 = commit[:12]
    tactics = {}
    idx = git("show", "HEAD:atomics/Indexes/Indexes-CSV/index.csv").decode("utf-8")
    for row in csv.DictReader(io.StringIO(idx)):
        tactics.setdefault(row["Technique #"], set()).add(row["Tactic"])
    paths = sorted(p for p in git("ls-tree", "-r", "--name-only", "HEAD", "atomics").decode().splitlines()
                   if re.fullmatch(r"atomics/T[0-9.]+/T[0-9.]+\.yaml", p))
    seen, n, out = set(), 0, []
    for p in paths:
        doc = yaml.safe_load(git("show", f"HEAD:{p}").decode("utf-8"))
        tech = doc.get("attack_technique")
        tname = doc.get("display_name", "")
        tset = tactics.get(tech, set())
        fam = next((TACTIC_FAMILY[t] for t in PRIORITY if t in tset), None)
        for test in doc.get("atomic_tests") or []:
            name = snake(test.get("name", ""))
            desc = (test.get("description") or "").strip()
            if not name or not desc:
                continue
            desc = f"{desc}\n\nATT&CK technique {tech}: {tname}"
            key = (name, desc)
            if key in seen:
                continue
            seen.add(key)
            schema = None
            args = test.get("input_arguments") or {}
            if args:
                props = {}
                for an, a in args.items():
                    a = a or {}
                    prop = {"type": TYPE_MAP.get(str(a.get("type", "string")).lower(), "string")}
                    if a.get("description"):
                        prop["description"] = str(a["description"]).strip()
                    if "default" in a and a["default"] is not None:
                        d = a["default"]
                        prop["default"] = d if isinstance(d, (int, float, bool)) else str(d)
                    props[str(an)] = prop
                schema = {"type": "object", "properties": props}
            n += 1
            out.append({"id": f"{GROUP}/{n}", "group": GROUP, "source": f"{REPO}@{c12}:{p}",
                        "license": "MIT", "label": "offensive", "attack": fam, "lang": "en",
                        "synthetic": False, "server": "atomic-red-team",
                        "tool": {"name": name, "description": desc, "inputSchema": schema}})
    with open(OUT, "w", encoding="utf-8") as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(out)} records -> {OUT}")


if __name__ == "__main__":
    main()
