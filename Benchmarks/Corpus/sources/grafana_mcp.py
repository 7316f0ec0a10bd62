#!/usr/bin/env python3
"""Group `grafana_mcp`: tool definitions of Grafana's MCP server (Go, MustTool + jsonschema struct tags).
Extracted statically (never executed) from the source of grafana/mcp-grafana at HEAD; licence: Apache-2.0 (LICENSE file).

usage: grafana_mcp.py [SNAPSHOT_GIT_DIR] [--out PATH] [--report]
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _benign_common import run_source_group  # noqa: E402

GROUP = "grafana_mcp"
REPO = "grafana/mcp-grafana"
LICENSE = "Apache-2.0"


def server_of(path):
    return "mcp-grafana"


if __name__ == "__main__":
    run_source_group(sys.argv[1:], GROUP, REPO, server_of, lambda s: LICENSE, roots=(), go=True)
