#!/usr/bin/env python3
"""Group `kubernetes_mcp`: tool definitions of the containers/kubernetes-mcp-server (Go, api.Tool literals).
Extracted statically (never executed) from the source of containers/kubernetes-mcp-server at HEAD; licence: Apache-2.0 (LICENSE file).

usage: kubernetes_mcp.py [SNAPSHOT_GIT_DIR] [--out PATH] [--report]
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _benign_common import run_source_group  # noqa: E402

GROUP = "kubernetes_mcp"
REPO = "containers/kubernetes-mcp-server"
LICENSE = "Apache-2.0"


def server_of(path):
    return "kubernetes-mcp-server"


if __name__ == "__main__":
    run_source_group(sys.argv[1:], GROUP, REPO, server_of, lambda s: LICENSE, roots=(), go=True)
