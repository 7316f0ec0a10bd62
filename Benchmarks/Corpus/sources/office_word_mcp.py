#!/usr/bin/env python3
"""Group `office_word_mcp`: tool definitions of Office-Word-MCP-Server (Python FastMCP).
Extracted statically (never executed) from the source of GongRzhe/Office-Word-MCP-Server at HEAD; licence: MIT (LICENSE file).

usage: office_word_mcp.py [SNAPSHOT_GIT_DIR] [--out PATH] [--report]
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _benign_common import run_source_group  # noqa: E402

GROUP = "office_word_mcp"
REPO = "GongRzhe/Office-Word-MCP-Server"
LICENSE = "MIT"


def server_of(path):
    return "office-word-mcp-server"


if __name__ == "__main__":
    run_source_group(sys.argv[1:], GROUP, REPO, server_of, lambda s: LICENSE, roots=(), go=False)
