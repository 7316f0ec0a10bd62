#!/usr/bin/env python3
"""Group `brightdata_mcp`: tool definitions of Bright Data's MCP server (JavaScript).
Extracted statically (never executed) from the source of brightdata/brightdata-mcp at HEAD; licence: MIT (LICENSE file).

usage: brightdata_mcp.py [SNAPSHOT_GIT_DIR] [--out PATH] [--report]
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _benign_common import run_source_group  # noqa: E402

GROUP = "brightdata_mcp"
REPO = "brightdata/brightdata-mcp"
LICENSE = "MIT"


def server_of(path):
    return "brightdata-mcp"


if __name__ == "__main__":
    run_source_group(sys.argv[1:], GROUP, REPO, server_of, lambda s: LICENSE, roots=(), go=False)
