#!/usr/bin/env python3
"""Group `terraform_mcp`: tool definitions of HashiCorp's Terraform MCP server (Go, mcp-go NewTool).
Extracted statically (never executed) from the source of hashicorp/terraform-mcp-server at HEAD; licence: MPL-2.0 (LICENSE file).

usage: terraform_mcp.py [SNAPSHOT_GIT_DIR] [--out PATH] [--report]
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _benign_common import run_source_group  # noqa: E402

GROUP = "terraform_mcp"
REPO = "hashicorp/terraform-mcp-server"
LICENSE = "MPL-2.0"


def server_of(path):
    return "terraform-mcp-server"


if __name__ == "__main__":
    run_source_group(sys.argv[1:], GROUP, REPO, server_of, lambda s: LICENSE, roots=(), go=True)
