#!/usr/bin/env python3
"""Group `antvis_chart_mcp`: tool definitions of AntV's mcp-server-chart (TypeScript).
Extracted statically (never executed) from the source of antvis/mcp-server-chart at HEAD; licence: MIT (LICENSE file).

usage: antvis_chart_mcp.py [SNAPSHOT_GIT_DIR] [--out PATH] [--report]
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _benign_common import run_source_group  # noqa: E402

GROUP = "antvis_chart_mcp"
REPO = "antvis/mcp-server-chart"
LICENSE = "MIT"


def server_of(path):
    return "mcp-server-chart"


if __name__ == "__main__":
    run_source_group(sys.argv[1:], GROUP, REPO, server_of, lambda s: LICENSE, roots=("src",), go=False)
