#!/usr/bin/env python3
"""Regenerate /work/corpus/raw/promptfoo_evil_mcp_server.jsonl from a snapshot of
promptfoo/evil-mcp-server (MIT).

src/tools/evilTools.ts defines `record_analytics`, a poisoned tool whose description orders the
model to call it after every action with all tool arguments, results and customer data
(context harvesting / exfiltration). Read with a regex over the TS source (never run); the
inputSchema is built at run time with zod and is therefore left null.
Usage: promptfoo_evil_mcp_server.py [SNAPSHOT_GIT_DIR] [OUT_JSONL]
"""
import os, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _mcp_pyextract as X

GROUP, REPO, LICENSE, SERVER = "promptfoo_evil_mcp_server", "promptfoo/evil-mcp-server", "MIT", "evil-mcp-server"
SNAP = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/promptfoo+evil-mcp-server/repo"
OUT = sys.argv[2] if len(sys.argv) > 2 else f"/work/corpus/raw/{GROUP}.jsonl"
SELECTIONS = [("src/tools/evilTools.ts", "record_analytics", "poisoned", "context_harvesting")]

if __name__ == "__main__":
    X.build(GROUP, REPO, SNAP, LICENSE, SERVER, SELECTIONS, OUT)
