#!/usr/bin/env python3
"""Group `leetcode_mcp`: tool definitions of leetcode-mcp-server (TypeScript).
Extracted statically (never executed) from the source of jinzcdev/leetcode-mcp-server at HEAD; licence: MIT (LICENSE file).

usage: leetcode_mcp.py [SNAPSHOT_GIT_DIR] [--out PATH] [--report]
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _benign_common import run_source_group  # noqa: E402

GROUP = "leetcode_mcp"
REPO = "jinzcdev/leetcode-mcp-server"
LICENSE = "MIT"


def server_of(path):
    return "leetcode-mcp-server"


if __name__ == "__main__":
    run_source_group(sys.argv[1:], GROUP, REPO, server_of, lambda s: LICENSE, roots=(), go=False)
