#!/usr/bin/env python3
"""Group `minimax_mcp`: tool definitions of MiniMax's official MCP server (Python FastMCP).
Extracted statically (never executed) from the source of MiniMax-AI/MiniMax-MCP at HEAD; licence: MIT (LICENSE file).

usage: minimax_mcp.py [SNAPSHOT_GIT_DIR] [--out PATH] [--report]
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _benign_common import run_source_group  # noqa: E402

GROUP = "minimax_mcp"
REPO = "MiniMax-AI/MiniMax-MCP"
LICENSE = "MIT"


def server_of(path):
    return "minimax-mcp"


if __name__ == "__main__":
    run_source_group(sys.argv[1:], GROUP, REPO, server_of, lambda s: LICENSE, roots=(), go=False)
