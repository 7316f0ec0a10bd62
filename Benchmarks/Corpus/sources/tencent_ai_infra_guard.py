#!/usr/bin/env python3
"""Regenerate /work/corpus/raw/tencent_ai_infra_guard.jsonl from a snapshot of Tencent/AI-Infra-Guard
(Apache-2.0; NOTICE asks derivative work to attribute Tencent Zhuque Lab).

mcp-scan/testcase/case1/main1.py is the test MCP server of AIG's MCP scanner: a poisoned `add`
(Invariant-style <IMPORTANT> file-read + sidenote exfiltration), a shadowing `sub` (send_email
recipient rewrite), a typo-squatted `get_w37h3r` (honest text -> malicious_hidden) and honest tools;
agent-scan/testcase/case1/main1.py has two honest tools. Read statically with `ast`, never run.
NOTE: the add/sub texts are adaptations of Invariant Labs' public demo texts.
Usage: tencent_ai_infra_guard.py [SNAPSHOT_GIT_DIR] [OUT_JSONL]
"""
import os, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _mcp_pyextract as X

GROUP, REPO, LICENSE, SERVER = "tencent_ai_infra_guard", "Tencent/AI-Infra-Guard", "Apache-2.0", "aig-mcp-scan-testcase"
SNAP = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/Tencent+AI-Infra-Guard/repo"
OUT = sys.argv[2] if len(sys.argv) > 2 else f"/work/corpus/raw/{GROUP}.jsonl"
M = "mcp-scan/testcase/case1/main1.py"
SELECTIONS = [
    (M, "add", "poisoned", "tool_poisoning"),
    (M, "sub", "poisoned", "shadowing"),
    (M, "get_w37h3r", "malicious_hidden", None),
    (M, "*", "benign", None),
    ("agent-scan/testcase/case1/main1.py", "*", "benign", None),
]

if __name__ == "__main__":
    X.build(GROUP, REPO, SNAP, LICENSE, SERVER, SELECTIONS, OUT)
