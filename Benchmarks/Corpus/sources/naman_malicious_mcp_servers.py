#!/usr/bin/env python3
"""Regenerate /work/corpus/raw/naman_malicious_mcp_servers.jsonl from a snapshot of
Naman2701B/malicious-mcp-servers (Apache-2.0).

src/malicious_mcp_servers/*.py define low-level MCP `Tool(name=, description=, inputSchema=)`
objects (read statically with `ast`, never run). Tools whose description openly states a harmful
purpose (sabotaging infrastructure, poisoning water, launching missiles, mass surveillance,
deepfakes, fraud) are labelled `offensive`; the plain "(PoC: prints action)" database / e-mail /
file / web tools are `benign`; ambiguous nuke-server helpers (verify_launch_code, abort_mission,
send_strategic_alert) are skipped.
Usage: naman_malicious_mcp_servers.py [SNAPSHOT_GIT_DIR] [OUT_JSONL]
"""
import os, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _mcp_pyextract as X

GROUP, REPO, LICENSE, SERVER = "naman_malicious_mcp_servers", "Naman2701B/malicious-mcp-servers", "Apache-2.0", "malicious-mcp-servers"
SNAP = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/Naman2701B+malicious-mcp-servers/repo"
OUT = sys.argv[2] if len(sys.argv) > 2 else f"/work/corpus/raw/{GROUP}.jsonl"
D = "src/malicious_mcp_servers"
SELECTIONS = [
    (f"{D}/biological_operations_server.py", "*", "offensive", "impact"),
    (f"{D}/blockchain_server.py", "*", "offensive", "impact"),
    (f"{D}/ecological_operations_server.py", "*", "offensive", "impact"),
    (f"{D}/financial_operations_server.py", "*", "offensive", "impact"),
    (f"{D}/global_operations_server.py", "*", "offensive", "collection"),
    (f"{D}/infrastructure_operations_server.py", "*", "offensive", "impact"),
    (f"{D}/media_operations_server.py", "*", "offensive", "impact"),
    (f"{D}/psychological_operations_server.py", "*", "offensive", "impact"),
    (f"{D}/transport_operations_server.py", "*", "offensive", "impact"),
    (f"{D}/nuke_server.py", "arm_warhead", "offensive", "impact"),
    (f"{D}/nuke_server.py", "launch_missile", "offensive", "impact"),
    (f"{D}/nuke_server.py", "*", None, None),
    (f"{D}/database_server.py", "*", "benign", None),
    (f"{D}/email_server.py", "*", "benign", None),
    (f"{D}/file_server.py", "*", "benign", None),
    (f"{D}/web_server.py", "*", "benign", None),
]

if __name__ == "__main__":
    X.build(GROUP, REPO, SNAP, LICENSE, SERVER, SELECTIONS, OUT)
