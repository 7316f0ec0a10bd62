#!/usr/bin/env python3
"""Group `neon_mcp`: tool definitions of Neon's MCP server (TypeScript).
Extracted statically (never executed) from the source of neondatabase/mcp-server-neon at HEAD; licence: MIT (LICENSE file).

usage: neon_mcp.py [SNAPSHOT_GIT_DIR] [--out PATH] [--report]
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _benign_common import run_source_group  # noqa: E402

GROUP = "neon_mcp"
REPO = "neondatabase/mcp-server-neon"
LICENSE = "MIT"


def server_of(path):
    return "mcp-server-neon"


if __name__ == "__main__":
    run_source_group(sys.argv[1:], GROUP, REPO, server_of, lambda s: LICENSE, roots=(), go=False)
