#!/usr/bin/env python3
"""Regenerate /work/corpus/raw/mcp_poison_samsoncyber.jsonl from a snapshot of SamsonCyber/mcp-poison (MIT).

fixtures/*.json are MCP tools/list payloads used to test the scanner: t1 (description poisoning),
t3 (line-jumping command order), t4a (whitespace-hidden cross-server order), t6 (poisoned parameter
name), t8 (ANSI-escape-hidden order) are `poisoned`; clean_calculator.json and the victim tool of
t4 (t4_cross_server_b.json) are `benign`. Parsed with json (nothing run).
Usage: mcp_poison_samsoncyber.py [SNAPSHOT_GIT_DIR] [OUT_JSONL]
"""
import json, os, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _mcp_pyextract as X

GROUP, REPO = "mcp_poison_samsoncyber", "SamsonCyber/mcp-poison"
SNAP = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/SamsonCyber+mcp-poison/repo"
OUT = sys.argv[2] if len(sys.argv) > 2 else f"/work/corpus/raw/{GROUP}.jsonl"
FILES = {"fixtures/clean_calculator.json": ("benign", None),
         "fixtures/t1_description_poison.json": ("poisoned", "exfiltration"),
         "fixtures/t3_line_jump.json": ("poisoned", "command_injection"),
         "fixtures/t4_cross_server_a.json": ("poisoned", "shadowing"),
         "fixtures/t4_cross_server_b.json": ("benign", None),
         "fixtures/t6_param_names.json": ("poisoned", "parameter_tampering"),
         "fixtures/t8_ansi.json": ("poisoned", "exfiltration")}


def main():
    c12 = X.head(SNAP)[:12]
    recs, seen = [], set()
    for p, (label, attack) in sorted(FILES.items()):
        for t in json.loads(X.show(SNAP, p)).get("tools", []):
            key = (t["name"], t["description"])
            if key in seen:
                continue
            seen.add(key)
            recs.append({"id": f"{GROUP}/{len(recs) + 1}", "group": GROUP, "source": f"{REPO}@{c12}:{p}",
                         "license": "MIT", "label": label, "attack": attack, "lang": "en", "synthetic": False,
                         "server": "mcp-poison-fixtures",
                         "tool": {"name": t["name"], "description": t["description"],
                                  "inputSchema": t.get("inputSchema")}})
    X.write_jsonl(OUT, recs)
    print(f"{len(recs)} records -> {OUT}")


if __name__ == "__main__":
    main()
