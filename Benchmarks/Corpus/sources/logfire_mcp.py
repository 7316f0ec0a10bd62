#!/usr/bin/env python3
"""Group `logfire_mcp`: tool definitions of Pydantic's Logfire MCP server (Python).
Extracted statically (never executed) from the source of pydantic/logfire-mcp at HEAD; licence: MIT (LICENSE file).

usage: logfire_mcp.py [SNAPSHOT_GIT_DIR] [--out PATH] [--report]
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _benign_common import run_source_group  # noqa: E402

GROUP = "logfire_mcp"
REPO = "pydantic/logfire-mcp"
LICENSE = "MIT"


def server_of(path):
    return "logfire-mcp"


if __name__ == "__main__":
    run_source_group(sys.argv[1:], GROUP, REPO, server_of, lambda s: LICENSE, roots=(), go=False)
