#!/usr/bin/env python3
"""Group `awslabs_mcp`: tool definitions of the AWS Labs MCP servers (src/<server>/, Python FastMCP).
Extracted statically (never executed) from the source of awslabs/mcp at HEAD; licence: Apache-2.0 (LICENSE file).

usage: awslabs_mcp.py [SNAPSHOT_GIT_DIR] [--out PATH] [--report]
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _benign_common import run_source_group  # noqa: E402

GROUP = "awslabs_mcp"
REPO = "awslabs/mcp"
LICENSE = "Apache-2.0"


# screening false positives reviewed by hand (honest AWS tools mentioning secrets / pentest scope)
ALLOW = {("amazon-bedrock-agentcore-mcp-server", "identity_create_oauth2_provider"),
         ("security-agent-mcp-server", "setup")}


def server_of(path):
    parts = path.split("/")
    return parts[1] if len(parts) > 2 and parts[0] == "src" else None


if __name__ == "__main__":
    run_source_group(sys.argv[1:], GROUP, REPO, server_of, lambda s: LICENSE, roots=("src",), go=False,
                     allow=ALLOW)
