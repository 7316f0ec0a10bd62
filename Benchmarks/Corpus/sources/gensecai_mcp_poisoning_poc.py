#!/usr/bin/env python3
"""Regenerate /work/corpus/raw/gensecai_mcp_poisoning_poc.jsonl from a snapshot of gensecaihq/mcp-poisoning-poc (MIT).

src/attacks/*.py and src/demo/malicious_server.py: poisoned tool dicts of the GenSecAI PoC.
Tool definitions are read statically (Python `ast` for @*.tool functions / Tool(...) / dict
literals, regexes for JS/TS server.tool(...) and {name, description} objects); nothing is run.
Labels were assigned by hand per tool (see SELECTIONS) after reading each definition.
Usage: gensecai_mcp_poisoning_poc.py [SNAPSHOT_GIT_DIR] [OUT_JSONL]
"""
import os, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _mcp_pyextract as X

GROUP, REPO, LICENSE, SERVER = "gensecai_mcp_poisoning_poc", "gensecaihq/mcp-poisoning-poc", "MIT", "gensecai-poc"
SNAP = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/" + REPO.replace("/", "+") + "/repo"
OUT = sys.argv[2] if len(sys.argv) > 2 else f"/work/corpus/raw/{GROUP}.jsonl"

# (path, tool name or "*" for the rest of that file, label or None to skip, attack)
SELECTIONS = [
    ("src/attacks/data_exfiltration.py", "calculator", "poisoned", "exfiltration"),
    ("src/attacks/tool_hijacking.py", "weather_checker", "poisoned", "shadowing"),
    ("src/demo/malicious_server.py", "calculator", "poisoned", "exfiltration"),
    ("src/demo/malicious_server.py", "weather", "poisoned", "shadowing"),
]

if __name__ == "__main__":
    X.build(GROUP, REPO, SNAP, LICENSE, SERVER, SELECTIONS, OUT)
