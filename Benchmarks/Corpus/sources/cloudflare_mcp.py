#!/usr/bin/env python3
"""Group `cloudflare_mcp`: tool definitions of Cloudflare's MCP servers (apps/<server>/, TypeScript).
Extracted statically (never executed) from the source of cloudflare/mcp-server-cloudflare at HEAD; licence: Apache-2.0 (LICENSE file).

usage: cloudflare_mcp.py [SNAPSHOT_GIT_DIR] [--out PATH] [--report]
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _benign_common import run_source_group  # noqa: E402

GROUP = "cloudflare_mcp"
REPO = "cloudflare/mcp-server-cloudflare"
LICENSE = "Apache-2.0"


def server_of(path):
    parts = path.split("/")
    return parts[1] if len(parts) > 2 and parts[0] == "apps" else None


if __name__ == "__main__":
    run_source_group(sys.argv[1:], GROUP, REPO, server_of, lambda s: LICENSE, roots=("apps",), go=False)
