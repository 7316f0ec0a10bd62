#!/usr/bin/env python3
"""Group `cloudbase_mcp`: tool definitions of Tencent CloudBase AI ToolKit MCP server (TypeScript; Chinese descriptions).
Extracted statically (never executed) from the source of TencentCloudBase/CloudBase-AI-ToolKit at HEAD; licence: MIT (LICENSE file).

usage: cloudbase_mcp.py [SNAPSHOT_GIT_DIR] [--out PATH] [--report]
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _benign_common import run_source_group  # noqa: E402

GROUP = "cloudbase_mcp"
REPO = "TencentCloudBase/CloudBase-AI-ToolKit"
LICENSE = "MIT"


def server_of(path):
    return "cloudbase-mcp"


if __name__ == "__main__":
    run_source_group(sys.argv[1:], GROUP, REPO, server_of, lambda s: LICENSE, roots=(), go=False)
