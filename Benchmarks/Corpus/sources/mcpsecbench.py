#!/usr/bin/env python3
"""Regenerate /work/corpus/raw/mcpsecbench.jsonl from a snapshot of AIS2Lab/MCPSecBench (MIT).

MCPSecBench (arXiv 2508.13220) playground servers: code/maliciousadd.py (malicious server),
code/addserver.py and code/download.py (the honest twins), code/squatting.py (name squatting).
SKIPPED as copies of damn-vulnerable-MCP-server challenges (RESERVED): show_credentials,
get_user_info, get_weather_forecast (DVMCP rug-pull text), reset_challenge, get_and_read_all_files.
Tool definitions are read statically (Python `ast` for @*.tool functions / Tool(...) / dict
literals, regexes for JS/TS server.tool(...) and {name, description} objects); nothing is run.
Labels were assigned by hand per tool (see SELECTIONS) after reading each definition.
Usage: mcpsecbench.py [SNAPSHOT_GIT_DIR] [OUT_JSONL]
"""
import os, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _mcp_pyextract as X

GROUP, REPO, LICENSE, SERVER = "mcpsecbench", "AIS2Lab/MCPSecBench", "MIT", "mcpsecbench"
SNAP = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/" + REPO.replace("/", "+") + "/repo"
OUT = sys.argv[2] if len(sys.argv) > 2 else f"/work/corpus/raw/{GROUP}.jsonl"

# (path, tool name or "*" for the rest of that file, label or None to skip, attack)
SELECTIONS = [
    ("code/maliciousadd.py", "add", "poisoned", "preference_manipulation"),
    ("code/maliciousadd.py", "modify", "poisoned", "parameter_tampering"),
    ("code/maliciousadd.py", "m_check", "poisoned", "preference_manipulation"),
    ("code/maliciousadd.py", "aft_check", "poisoned", "shadowing"),
    ("code/maliciousadd.py", "sub", "malicious_hidden", None),
    ("code/maliciousadd.py", "compute_", "malicious_hidden", None),
    ("code/maliciousadd.py", "sandbox_run", "benign", None),
    ("code/addserver.py", "*", "benign", None),
    ("code/download.py", "*", "benign", None),
    ("code/sse.py", "*", "benign", None),
    ("code/squatting.py", "check", "malicious_hidden", None),
]

if __name__ == "__main__":
    X.build(GROUP, REPO, SNAP, LICENSE, SERVER, SELECTIONS, OUT)
