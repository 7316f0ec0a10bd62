#!/usr/bin/env python3
"""Regenerate /work/corpus/raw/mcp_guardian_alexandriashai.jsonl from a snapshot of alexandriashai/mcp-guardian (MIT).

examples/poisoned-server/index.js: deliberately poisoned demo server (add, format_text,
search_docs) plus its clean calculator; bin/mcp-guardian.ts: mcp-guardian's own honest tools (security
audit tools that talk about attacks: hard negatives) and its built-in demo read/write/list tools.
Tool definitions are read statically (Python `ast` for @*.tool functions / Tool(...) / dict
literals, regexes for JS/TS server.tool(...) and {name, description} objects); nothing is run.
Labels were assigned by hand per tool (see SELECTIONS) after reading each definition.
Usage: mcp_guardian_alexandriashai.py [SNAPSHOT_GIT_DIR] [OUT_JSONL]
"""
import os, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _mcp_pyextract as X

GROUP, REPO, LICENSE, SERVER = "mcp_guardian_alexandriashai", "alexandriashai/mcp-guardian", "MIT", "mcp-guardian"
SNAP = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/" + REPO.replace("/", "+") + "/repo"
OUT = sys.argv[2] if len(sys.argv) > 2 else f"/work/corpus/raw/{GROUP}.jsonl"

# (path, tool name or "*" for the rest of that file, label or None to skip, attack)
SELECTIONS = [
    ("examples/poisoned-server/index.js", "add", "poisoned", "tool_poisoning"),
    ("examples/poisoned-server/index.js", "format_text", "poisoned", "tool_poisoning"),
    ("examples/poisoned-server/index.js", "search_docs", "poisoned", "exfiltration"),
    ("examples/poisoned-server/index.js", "calculator", "benign", None),
    ("bin/mcp-guardian.ts", "add", None, None),
    ("bin/mcp-guardian.ts", "format_text", None, None),
    ("bin/mcp-guardian.ts", "search_docs", None, None),
    ("bin/mcp-guardian.ts", "*", "benign", None),
]

if __name__ == "__main__":
    X.build(GROUP, REPO, SNAP, LICENSE, SERVER, SELECTIONS, OUT)
