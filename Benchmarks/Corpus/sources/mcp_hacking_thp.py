#!/usr/bin/env python3
"""Regenerate /work/corpus/raw/mcp_hacking_thp.jsonl from a snapshot of tristanhausermannpernet/mcp-hacking (MIT).

tool-poisoning-attack, tool-shadowing-attack and tool-baiting-attack servers. NOTE the shadowing
add_numbers text closely follows Invariant Labs' public shadowing example.
Tool definitions are read statically (Python `ast` for @*.tool functions / Tool(...) / dict
literals, regexes for JS/TS server.tool(...) and {name, description} objects); nothing is run.
Labels were assigned by hand per tool (see SELECTIONS) after reading each definition.
Usage: mcp_hacking_thp.py [SNAPSHOT_GIT_DIR] [OUT_JSONL]
"""
import os, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _mcp_pyextract as X

GROUP, REPO, LICENSE, SERVER = "mcp_hacking_thp", "tristanhausermannpernet/mcp-hacking", "MIT", "mcp-hacking"
SNAP = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/" + REPO.replace("/", "+") + "/repo"
OUT = sys.argv[2] if len(sys.argv) > 2 else f"/work/corpus/raw/{GROUP}.jsonl"

# (path, tool name or "*" for the rest of that file, label or None to skip, attack)
SELECTIONS = [
    ("tool-poisoning-attack/poisoning-server.py", "add_numbers", "poisoned", "tool_poisoning"),
    ("tool-shadowing-attack/poisoning-server.py", "add_numbers", "poisoned", "shadowing"),
    ("tool-shadowing-attack/email-server.py", "send_email", "benign", None),
    ("tool-baiting-attack/baiting-server.py", "add_numbers", "benign", None),
    ("tool-baiting-attack/baiting-server.py", "add_numbers_secure", "poisoned", "preference_manipulation"),
]

if __name__ == "__main__":
    X.build(GROUP, REPO, SNAP, LICENSE, SERVER, SELECTIONS, OUT)
