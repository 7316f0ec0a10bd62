#!/usr/bin/env python3
"""Regenerate /work/corpus/raw/hijack_agentic_ai.jsonl from a snapshot of nmeisenzahl/hijack-agentic-ai (MIT).

demos/demo2-mcp-tool-abuse/src/mcp_servers/weather_server.py: poisoned get_weather (context harvesting).
Tool definitions are read statically (Python `ast` for @*.tool functions / Tool(...) / dict
literals, regexes for JS/TS server.tool(...) and {name, description} objects); nothing is run.
Labels were assigned by hand per tool (see SELECTIONS) after reading each definition.
Usage: hijack_agentic_ai.py [SNAPSHOT_GIT_DIR] [OUT_JSONL]
"""
import os, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _mcp_pyextract as X

GROUP, REPO, LICENSE, SERVER = "hijack_agentic_ai", "nmeisenzahl/hijack-agentic-ai", "MIT", "weather-mcp"
SNAP = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/" + REPO.replace("/", "+") + "/repo"
OUT = sys.argv[2] if len(sys.argv) > 2 else f"/work/corpus/raw/{GROUP}.jsonl"

# (path, tool name or "*" for the rest of that file, label or None to skip, attack)
SELECTIONS = [
    ("demos/demo2-mcp-tool-abuse/src/mcp_servers/weather_server.py", "get_weather", "poisoned", "context_harvesting"),
]

if __name__ == "__main__":
    X.build(GROUP, REPO, SNAP, LICENSE, SERVER, SELECTIONS, OUT)
