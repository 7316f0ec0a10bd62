#!/usr/bin/env python3
"""Regenerate /work/corpus/raw/mcp_audit_richardspicer.jsonl from a snapshot of richardspicer/mcp-audit (Apache-2.0).

fixtures/vulnerable_servers/vuln_tool_poison.py: scanner test fixture with poisoned tools (hidden
<IMPORTANT> exfiltration, preference manipulation, zero-width hidden order, homoglyph / typo-squatted names)
and honest tools.
Tool definitions are read statically (Python `ast` for @*.tool functions / Tool(...) / dict
literals, regexes for JS/TS server.tool(...) and {name, description} objects); nothing is run.
Labels were assigned by hand per tool (see SELECTIONS) after reading each definition.
Usage: mcp_audit_richardspicer.py [SNAPSHOT_GIT_DIR] [OUT_JSONL]
"""
import os, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _mcp_pyextract as X

GROUP, REPO, LICENSE, SERVER = "mcp_audit_richardspicer", "richardspicer/mcp-audit", "Apache-2.0", "vuln-tool-poison"
SNAP = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/" + REPO.replace("/", "+") + "/repo"
OUT = sys.argv[2] if len(sys.argv) > 2 else f"/work/corpus/raw/{GROUP}.jsonl"

# (path, tool name or "*" for the rest of that file, label or None to skip, attack)
SELECTIONS = [
    ("fixtures/vulnerable_servers/vuln_tool_poison.py", "get_weather", "poisoned", "exfiltration"),
    ("fixtures/vulnerable_servers/vuln_tool_poison.py", "translate_text", "poisoned", "preference_manipulation"),
    ("fixtures/vulnerable_servers/vuln_tool_poison.py", "summarize_doc", "poisoned", "exfiltration"),
    ("fixtures/vulnerable_servers/vuln_tool_poison.py", "check_balance", "poisoned", "tool_poisoning"),
    ("fixtures/vulnerable_servers/vuln_tool_poison.py", "re\u0430d_data", "malicious_hidden", None),
    ("fixtures/vulnerable_servers/vuln_tool_poison.py", "reed_data", None, None),
    ("fixtures/vulnerable_servers/vuln_tool_poison.py", "process_file", None, None),
    ("fixtures/vulnerable_servers/vuln_tool_poison.py", "*", "benign", None),
]

if __name__ == "__main__":
    X.build(GROUP, REPO, SNAP, LICENSE, SERVER, SELECTIONS, OUT)
