#!/usr/bin/env python3
"""Group `baidu_maps_mcp`: tool definitions of Baidu Maps' official MCP servers (Chinese descriptions; Python and TypeScript variants, deduped).
Extracted statically (never executed) from the source of baidu-maps/mcp at HEAD; licence: MIT (LICENSE file).

usage: baidu_maps_mcp.py [SNAPSHOT_GIT_DIR] [--out PATH] [--report]
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _benign_common import run_source_group  # noqa: E402

GROUP = "baidu_maps_mcp"
REPO = "baidu-maps/mcp"
LICENSE = "MIT"


def server_of(path):
    return "baidu-maps"


if __name__ == "__main__":
    run_source_group(sys.argv[1:], GROUP, REPO, server_of, lambda s: LICENSE, roots=(), go=False)
