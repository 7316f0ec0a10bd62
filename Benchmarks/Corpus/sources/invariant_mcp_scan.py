#!/usr/bin/env python3
"""Regenerate /work/corpus/raw/invariant_mcp_scan.jsonl from a snapshot of invariantlabs-ai/mcp-scan (Apache-2.0).

demoserver/server.py: the mcp-scan demo servers (a poisoned multiply with an <IMPORTANT> exfiltration
order, its honest twin, a benign <IMPORTANT> note on sum, and toxic-flow tools) and the honest test servers in
tests/mcp_servers/*.py (benign).
Tool definitions are read statically (Python `ast` for @*.tool functions / Tool(...) / dict
literals, regexes for JS/TS server.tool(...) and {name, description} objects); nothing is run.
Labels were assigned by hand per tool (see SELECTIONS) after reading each definition.
Usage: invariant_mcp_scan.py [SNAPSHOT_GIT_DIR] [OUT_JSONL]
"""
import os, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _mcp_pyextract as X

GROUP, REPO, LICENSE, SERVER = "invariant_mcp_scan", "invariantlabs-ai/mcp-scan", "Apache-2.0", "mcp-scan-demoserver"
SNAP = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/" + REPO.replace("/", "+") + "/repo"
OUT = sys.argv[2] if len(sys.argv) > 2 else f"/work/corpus/raw/{GROUP}.jsonl"

# (path, tool name or "*" for the rest of that file, label or None to skip, attack)
SELECTIONS = [
    ("demoserver/server.py", "multiply", "poisoned", "exfiltration"),
    ("demoserver/server.py", "multiply", "benign", None),
    ("demoserver/server.py", "*", "benign", None),
    ("tests/mcp_servers/math_server.py", "*", "benign", None),
    ("tests/mcp_servers/weather_server.py", "*", "benign", None),
    ("tests/mcp_servers/multiple_transport_server.py", "*", "benign", None),
    ("tests/mcp_servers/sbb_server.py", "*", "benign", None),
]

if __name__ == "__main__":
    X.build(GROUP, REPO, SNAP, LICENSE, SERVER, SELECTIONS, OUT)
