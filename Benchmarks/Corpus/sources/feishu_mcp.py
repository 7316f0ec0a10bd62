#!/usr/bin/env python3
"""Group `feishu_mcp`: tool definitions of cso1z/Feishu-MCP (TypeScript).
Extracted statically (never executed) from the source of cso1z/Feishu-MCP at HEAD; licence: MIT (LICENSE file).

usage: feishu_mcp.py [SNAPSHOT_GIT_DIR] [--out PATH] [--report]
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _benign_common import run_source_group  # noqa: E402

GROUP = "feishu_mcp"
REPO = "cso1z/Feishu-MCP"
LICENSE = "MIT"


def server_of(path):
    return "feishu-mcp"


if __name__ == "__main__":
    run_source_group(sys.argv[1:], GROUP, REPO, server_of, lambda s: LICENSE, roots=(), go=False)
