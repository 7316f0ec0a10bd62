#!/usr/bin/env python3
"""Group `slack_mcp_korotovsky`: tool definitions of korotovsky/slack-mcp-server (Go, mcp-go NewTool).
Extracted statically (never executed) from the source of korotovsky/slack-mcp-server at HEAD; licence: MIT (LICENSE file).

usage: slack_mcp_korotovsky.py [SNAPSHOT_GIT_DIR] [--out PATH] [--report]
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _benign_common import run_source_group  # noqa: E402

GROUP = "slack_mcp_korotovsky"
REPO = "korotovsky/slack-mcp-server"
LICENSE = "MIT"


def server_of(path):
    return "slack-mcp-server"


if __name__ == "__main__":
    run_source_group(sys.argv[1:], GROUP, REPO, server_of, lambda s: LICENSE, roots=(), go=True)
