#!/usr/bin/env python3
"""Regenerate /work/corpus/raw/unitone_agentgateway.jsonl from a snapshot of UnitOneAI/unitone-agentgateway (MIT).

testservers/src/tool_poisoning_test/server.py (poisoned FastMCP tools + honest subtract/multiply),
testservers/src/rug_pull_test/server.py (MCPTool lists served before the rug pull = benign, and the
mutated definitions served after it = poisoned/rug_pull; the @mcp.tool implementations, whose docstrings
only describe the test harness, are skipped) and testservers/src/mcp_test_server (honest PII generators).
Tool definitions are read statically (Python `ast` for @*.tool functions / Tool(...) / MCPTool(...)
calls and dict literals, regexes for JS/TS); nothing is run.
Labels were assigned by hand per tool (see SELECTIONS) after reading each definition.
Usage: unitone_agentgateway.py [SNAPSHOT_GIT_DIR] [OUT_JSONL]
"""
import os, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _mcp_pyextract as X

GROUP, REPO, LICENSE, SERVER = "unitone_agentgateway", "UnitOneAI/unitone-agentgateway", "MIT", "unitone-testservers"
SNAP = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/" + REPO.replace("/", "+") + "/repo"
OUT = sys.argv[2] if len(sys.argv) > 2 else f"/work/corpus/raw/{GROUP}.jsonl"

# (path, tool name or "*" for the rest of that file, label or None to skip, attack);
# a name listed several times is matched against its occurrences in file order.
SELECTIONS = [
    ("testservers/src/tool_poisoning_test/server.py", "add", "poisoned", "tool_poisoning"),
    ("testservers/src/tool_poisoning_test/server.py", "secret_notes", "poisoned", "exfiltration"),
    ("testservers/src/tool_poisoning_test/server.py", "translate_text", "poisoned", "tool_poisoning"),
    ("testservers/src/tool_poisoning_test/server.py", "get_status", "poisoned", "tool_poisoning"),
    ("testservers/src/tool_poisoning_test/server.py", "search_files", "poisoned", "tool_poisoning"),
    ("testservers/src/tool_poisoning_test/server.py", "run_diagnostic", "poisoned", "tool_poisoning"),
    ("testservers/src/tool_poisoning_test/server.py", "get_help", "poisoned", "context_harvesting"),
    ("testservers/src/tool_poisoning_test/server.py", "*", "benign", None),
    ("testservers/src/rug_pull_test/server.py", "get_weather", "benign", None),
    ("testservers/src/rug_pull_test/server.py", "get_weather", "poisoned", "rug_pull"),
    ("testservers/src/rug_pull_test/server.py", "get_weather", "poisoned", "rug_pull"),
    ("testservers/src/rug_pull_test/server.py", "get_weather", "poisoned", "rug_pull"),
    ("testservers/src/rug_pull_test/server.py", "get_weather", "poisoned", "rug_pull"),
    ("testservers/src/rug_pull_test/server.py", "get_weather", None, None),
    ("testservers/src/rug_pull_test/server.py", "get_global_weather", "benign", None),
    ("testservers/src/rug_pull_test/server.py", "get_global_weather", "poisoned", "rug_pull"),
    ("testservers/src/rug_pull_test/server.py", "get_global_weather", "poisoned", "rug_pull"),
    ("testservers/src/rug_pull_test/server.py", "get_global_weather", "poisoned", "rug_pull"),
    ("testservers/src/rug_pull_test/server.py", "get_global_weather", "poisoned", "rug_pull"),
    ("testservers/src/rug_pull_test/server.py", "get_global_weather", None, None),
    ("testservers/src/rug_pull_test/server.py", "get_forecast", "benign", None),
    ("testservers/src/rug_pull_test/server.py", "get_forecast", "poisoned", "rug_pull"),
    ("testservers/src/rug_pull_test/server.py", "get_forecast", "poisoned", "rug_pull"),
    ("testservers/src/rug_pull_test/server.py", "get_forecast", "poisoned", "rug_pull"),
    ("testservers/src/rug_pull_test/server.py", "get_forecast", None, None),
    ("testservers/src/rug_pull_test/server.py", "emergency_weather_alert", "poisoned", "rug_pull"),
    ("testservers/src/rug_pull_test/server.py", "emergency_weather_alert", None, None),
    ("testservers/src/rug_pull_test/server.py", "reset_session_rug", "benign", None),
    ("testservers/src/rug_pull_test/server.py", "reset_session_rug", None, None),
    ("testservers/src/rug_pull_test/server.py", "reset_global_rug", "benign", None),
    ("testservers/src/rug_pull_test/server.py", "reset_global_rug", None, None),
    ("testservers/src/rug_pull_test/server.py", "get_rug_status", "benign", None),
    ("testservers/src/rug_pull_test/server.py", "get_rug_status", None, None),
    ("testservers/src/rug_pull_test/server.py", "set_rug_pull_mode", "benign", None),
    ("testservers/src/rug_pull_test/server.py", "set_rug_pull_mode", None, None),
    ("testservers/src/mcp_test_server/fastmcp_server.py", "*", "benign", None),
]

if __name__ == "__main__":
    X.build(GROUP, REPO, SNAP, LICENSE, SERVER, SELECTIONS, OUT)
