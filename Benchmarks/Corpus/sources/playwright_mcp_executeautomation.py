#!/usr/bin/env python3
"""Group `playwright_mcp_executeautomation`: tool definitions of executeautomation/mcp-playwright (TypeScript).
Extracted statically (never executed) from the source of executeautomation/mcp-playwright at HEAD; licence: MIT (LICENSE file).

usage: playwright_mcp_executeautomation.py [SNAPSHOT_GIT_DIR] [--out PATH] [--report]
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _benign_common import run_source_group  # noqa: E402

GROUP = "playwright_mcp_executeautomation"
REPO = "executeautomation/mcp-playwright"
LICENSE = "MIT"


def server_of(path):
    return "mcp-playwright"


if __name__ == "__main__":
    run_source_group(sys.argv[1:], GROUP, REPO, server_of, lambda s: LICENSE, roots=(), go=False)
