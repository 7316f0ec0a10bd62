#!/usr/bin/env python3
"""Regenerate /work/corpus/raw/mitre_cti.jsonl from a snapshot of mitre/cti.

Licence (LICENSE.txt): MITRE grants a non-exclusive, royalty-free licence to use ATT&CK and
CAPEC for research, development and commercial purposes, provided copies reproduce MITRE's
copyright designation and the licence: "(c) The MITRE Corporation. This work is reproduced and
distributed with the permission of The MITRE Corporation."

Records (label `offensive`, one per STIX object, revoked/deprecated objects skipped):
  * ATT&CK attack-pattern (enterprise, mobile, ics): name = snake_case technique name,
    description = technique description; attack = family of its first kill-chain tactic.
  * ATT&CK malware (enterprise, mobile, ics): name = snake_case malware name, attack = malware.
  * CAPEC 2.1 attack-pattern: name = snake_case pattern name, attack = phishing when the text
    is about phishing, else exploitation.
Markdown links [X](url) are reduced to X and "(Citation: ...)" markers removed.
inputSchema is null (these are descriptions, not callable tools).
Usage: mitre_cti.py [SNAPSHOT_GIT_DIR] [OUT_JSONL]
"""
import json, os, re, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _mcp_pyextract as X

GROUP, REPO = "mitre_cti", "mitre/cti"
LIC = "MITRE ATT&CK/CAPEC Terms of Use (royalty-free; (c) The MITRE Corporation, reproduced with permission)"
SNAP = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/mitre+cti/repo"
OUT = sys.argv[2] if len(sys.argv) > 2 else f"/work/corpus/raw/{GROUP}.jsonl"

TACTIC = {
    "credential-access": "credential_access", "exfiltration": "exfiltration",
    "command-and-control": "command_and_control", "lateral-movement": "lateral_movement",
    "privilege-escalation": "privilege_escalation", "persistence": "persistence", "impact": "impact",
    "stealth": "defense_evasion", "defense-impairment": "defense_evasion",
    "defense-evasion": "defense_evasion", "evasion": "defense_evasion", "collection": "collection",
    "initial-access": "initial_access", "execution": "execution", "discovery": "discovery",
    "reconnaissance": "reconnaissance", "resource-development": "resource_development",
    "inhibit-response-function": "impact", "impair-process-control": "impact",
}


def clean(s):
    s = re.sub(r"\[([^\]]+)\]\((https?://[^)]+)\)", r"\1", s)
    s = re.sub(r"\s*\(Citation:[^)]*\)", "", s)
    s = re.sub(r"<code>|</code>", "`", s)
    return s.strip()


def snake(s):
    return re.sub(r"_+", "_", re.sub(r"[^0-9A-Za-z]+", "_", s).strip("_").lower())


def cap(s, n=20000):
    if len(s) <= n:
        return s
    cut = s.rfind("\n\n", 0, n)
    return s[:cut if cut > 0 else n].rstrip()


def main():
    c12 = X.head(SNAP)[:12]
    recs, seen = [], set()
    plan = [(f"{dom}/{kind}", dom, kind) for dom in ("enterprise-attack", "mobile-attack", "ics-attack")
            for kind in ("attack-pattern", "malware")] + [("capec/2.1/attack-pattern", "capec", "attack-pattern")]
    for folder, dom, kind in plan:
        for p in sorted(X.ls(SNAP, folder + "/")):
            if not p.endswith(".json"):
                continue
            try:
                doc = json.loads(X.show(SNAP, p))
            except ValueError:
                continue
            for o in doc.get("objects", [doc]):
                if o.get("type") not in ("attack-pattern", "malware"):
                    continue
                if o.get("revoked") or o.get("x_mitre_deprecated") or o.get("x_capec_status") == "Deprecated":
                    continue
                name, desc = o.get("name", ""), clean(o.get("description", "") or "")
                if not name or not desc:
                    continue
                ext = next((r.get("external_id") for r in o.get("external_references", [])
                            if r.get("source_name") in ("mitre-attack", "mitre-mobile-attack", "mitre-ics-attack", "capec")), None)
                if kind == "malware":
                    fam = "malware"
                elif dom == "capec":
                    fam = "phishing" if re.search(r"phish", name + " " + desc, re.I) else "exploitation"
                else:
                    phases = [k.get("phase_name") for k in o.get("kill_chain_phases", [])]
                    fam = next((TACTIC[ph] for ph in phases if ph in TACTIC), None)
                desc = cap(desc)
                key = (snake(name), desc)
                if key in seen:
                    continue
                seen.add(key)
                recs.append({"id": f"{GROUP}/{len(recs) + 1}", "group": GROUP,
                             "source": f"{REPO}@{c12}:{p}", "license": LIC, "label": "offensive",
                             "attack": fam, "lang": "en", "synthetic": False,
                             "server": f"mitre-{dom}" + (f":{ext}" if ext else ""),
                             "tool": {"name": snake(name), "description": desc, "inputSchema": None}})
    X.write_jsonl(OUT, recs)
    print(f"{len(recs)} records -> {OUT}")


if __name__ == "__main__":
    main()
