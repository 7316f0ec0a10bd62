#!/usr/bin/env python3
"""Group `line_bot_mcp`: tool definitions of LINE's official line-bot-mcp-server (TypeScript).
Extracted statically (never executed) from the source of line/line-bot-mcp-server at HEAD; licence: Apache-2.0 (LICENSE file).

usage: line_bot_mcp.py [SNAPSHOT_GIT_DIR] [--out PATH] [--report]
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _benign_common import run_source_group  # noqa: E402

GROUP = "line_bot_mcp"
REPO = "line/line-bot-mcp-server"
LICENSE = "Apache-2.0"


def server_of(path):
    return "line-bot-mcp-server"


if __name__ == "__main__":
    run_source_group(sys.argv[1:], GROUP, REPO, server_of, lambda s: LICENSE, roots=(), go=False)
