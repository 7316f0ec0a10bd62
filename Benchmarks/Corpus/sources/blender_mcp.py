#!/usr/bin/env python3
"""Group `blender_mcp`: tool definitions of blender-mcp (Python FastMCP).
Extracted statically (never executed) from the source of ahujasid/blender-mcp at HEAD; licence: MIT (LICENSE file).

usage: blender_mcp.py [SNAPSHOT_GIT_DIR] [--out PATH] [--report]
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _benign_common import run_source_group  # noqa: E402

GROUP = "blender_mcp"
REPO = "ahujasid/blender-mcp"
LICENSE = "MIT"


def server_of(path):
    return "blender-mcp"


if __name__ == "__main__":
    run_source_group(sys.argv[1:], GROUP, REPO, server_of, lambda s: LICENSE, roots=(), go=False)
