#!/usr/bin/env python3
"""Regenerate /work/corpus/raw/agent_threat_rules.jsonl from a snapshot of
cpyang/agent-threat-rules (a copy of the ATR "Agent Threat Rules" project, MIT).

ATR rules (rules/**/*.yaml) carry test_cases.true_positives / true_negatives. For the rules
whose detection conditions read the field `tool_description`, every test case is a tool
description: true positives -> `poisoned`, true negatives -> `benign` (hand-written hard
negatives by the rule authors). Cases of other fields (tool responses, user input) are tool
outputs / prompts, not tool definitions, and are left out. ATR gives no tool names, so the
name is the neutral placeholder "atr_tool" for both labels.
Usage: agent_threat_rules.py [SNAPSHOT_GIT_DIR] [OUT_JSONL]
"""
import os, sys
import yaml
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _mcp_pyextract as X

GROUP, REPO = "agent_threat_rules", "cpyang/agent-threat-rules"
SNAP = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/cpyang+agent-threat-rules/repo"
OUT = sys.argv[2] if len(sys.argv) > 2 else f"/work/corpus/raw/{GROUP}.jsonl"
ATTACK = {  # by rule id
    "ATR-2026-00102": "exfiltration", "ATR-2026-00107": "tool_poisoning",
    "ATR-2026-00104": "tool_poisoning", "ATR-2026-00100": "tool_poisoning",
    "ATR-2026-00101": "tool_poisoning", "ATR-2026-00103": "tool_poisoning",
    "ATR-2026-00105": "tool_poisoning", "ATR-2026-00106": "parameter_tampering",
}


def fields_of(det):
    conds = (det or {}).get("conditions") or []
    items = conds.values() if isinstance(conds, dict) else conds
    return {c.get("field") for c in items if isinstance(c, dict)}


def main():
    c12 = X.head(SNAP)[:12]
    recs, seen = [], set()
    for p in sorted(x for x in X.ls(SNAP, "rules") if x.endswith(".yaml")):
        d = yaml.safe_load(X.show(SNAP, p))
        if "tool_description" not in fields_of(d.get("detection")):
            continue
        rid = d.get("id")
        tc = d.get("test_cases") or {}
        for kind, label in (("true_positives", "poisoned"), ("true_negatives", "benign")):
            for case in tc.get(kind) or []:
                text = case.get("tool_description") or case.get("input")
                if not isinstance(text, str) or not text.strip():
                    continue
                key = text.strip()
                if key in seen:
                    continue
                seen.add(key)
                recs.append({"id": f"{GROUP}/{len(recs) + 1}", "group": GROUP,
                             "source": f"{REPO}@{c12}:{p}", "license": "MIT", "label": label,
                             "attack": ATTACK.get(rid, "tool_poisoning") if label == "poisoned" else None,
                             "lang": "en", "synthetic": False, "server": f"atr:{rid}",
                             "tool": {"name": "atr_tool", "description": key, "inputSchema": None}})
    X.write_jsonl(OUT, recs)
    print(f"{len(recs)} records -> {OUT}")


if __name__ == "__main__":
    main()
