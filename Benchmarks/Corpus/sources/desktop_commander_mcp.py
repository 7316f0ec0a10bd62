#!/usr/bin/env python3
"""Group `desktop_commander_mcp`: tool definitions of DesktopCommanderMCP (TypeScript).
Extracted statically (never executed) from the source of wonderwhy-er/DesktopCommanderMCP at HEAD; licence: MIT (LICENSE file).

usage: desktop_commander_mcp.py [SNAPSHOT_GIT_DIR] [--out PATH] [--report]
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _benign_common import run_source_group  # noqa: E402

GROUP = "desktop_commander_mcp"
REPO = "wonderwhy-er/DesktopCommanderMCP"
LICENSE = "MIT"


def server_of(path):
    return "desktop-commander"


if __name__ == "__main__":
    run_source_group(sys.argv[1:], GROUP, REPO, server_of, lambda s: LICENSE, roots=("src",), go=False)
