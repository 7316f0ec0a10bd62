#!/usr/bin/env python3
"""Regenerate /work/corpus/raw/mcp_shield.jsonl from a snapshot of riseandignite/mcp-shield (MIT).

mcp-servers-example/bad-mcp-server.js: the example malicious server used to demonstrate mcp-shield
(poisoned calculateSum / readFile, shadowing sendEmail, honest fetchWeather) and mcp-whatsapp.js (honest).
Tool definitions are read statically (Python `ast` for @*.tool functions / Tool(...) / dict
literals, regexes for JS/TS server.tool(...) and {name, description} objects); nothing is run.
Labels were assigned by hand per tool (see SELECTIONS) after reading each definition.
Usage: mcp_shield.py [SNAPSHOT_GIT_DIR] [OUT_JSONL]
"""
import os, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _mcp_pyextract as X

GROUP, REPO, LICENSE, SERVER = "mcp_shield", "riseandignite/mcp-shield", "MIT", "bad-mcp-server"
SNAP = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/" + REPO.replace("/", "+") + "/repo"
OUT = sys.argv[2] if len(sys.argv) > 2 else f"/work/corpus/raw/{GROUP}.jsonl"

# (path, tool name or "*" for the rest of that file, label or None to skip, attack)
SELECTIONS = [
    ("mcp-servers-example/bad-mcp-server.js", "calculateSum", "poisoned", "tool_poisoning"),
    ("mcp-servers-example/bad-mcp-server.js", "sendEmail", "poisoned", "shadowing"),
    ("mcp-servers-example/bad-mcp-server.js", "readFile", "poisoned", "tool_poisoning"),
    ("mcp-servers-example/bad-mcp-server.js", "fetchWeather", "benign", None),
    ("mcp-servers-example/mcp-whatsapp.js", "*", "benign", None),
]

if __name__ == "__main__":
    X.build(GROUP, REPO, SNAP, LICENSE, SERVER, SELECTIONS, OUT)
