#!/usr/bin/env python3
"""Group `klavis_mcp`: tool definitions of the Klavis AI MCP servers (mcp_servers/<server>/ and mcp_servers/local/<server>/; Python and TypeScript).
Extracted statically (never executed) from the source of Klavis-AI/klavis at HEAD; licence: Apache-2.0 (LICENSE file).

usage: klavis_mcp.py [SNAPSHOT_GIT_DIR] [--out PATH] [--report]
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _benign_common import run_source_group  # noqa: E402

GROUP = "klavis_mcp"
REPO = "Klavis-AI/klavis"
LICENSE = "Apache-2.0"


def server_of(path):
    parts = path.split("/")
    if len(parts) > 3 and parts[:2] == ["mcp_servers", "local"]:
        return "local/" + parts[2]
    return parts[1] if len(parts) > 2 and parts[0] == "mcp_servers" and parts[1] != "local" else None


if __name__ == "__main__":
    run_source_group(sys.argv[1:], GROUP, REPO, server_of, lambda s: LICENSE, roots=("mcp_servers",), go=False)
