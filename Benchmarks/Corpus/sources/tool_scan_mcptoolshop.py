#!/usr/bin/env python3
"""Regenerate /work/corpus/raw/tool_scan_mcptoolshop.jsonl from a snapshot of
mcp-tool-shop/tool-scan (MIT).

tests/conftest.py and tests/test_integration.py build MCP tool dicts used as scanner fixtures:
poisoned descriptions (instruction override, concealment, exfiltration), poisoned inputSchema
defaults (shell / SQL / path-traversal / SSRF payloads a model would forward = parameter
tampering) and clean tools. Read statically with `ast` (never run); labels by hand below.
Fixtures whose only trick is invisible/homoglyph characters, XSS or template placeholders
without an instruction are skipped.
Usage: tool_scan_mcptoolshop.py [SNAPSHOT_GIT_DIR] [OUT_JSONL]
"""
import os, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _mcp_pyextract as X

GROUP, REPO, LICENSE, SERVER = "tool_scan_mcptoolshop", "mcp-tool-shop/tool-scan", "MIT", "tool-scan-fixtures"
SNAP = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/mcp-tool-shop+tool-scan/repo"
OUT = sys.argv[2] if len(sys.argv) > 2 else f"/work/corpus/raw/{GROUP}.jsonl"
C, I = "tests/conftest.py", "tests/test_integration.py"
SELECTIONS = [
    (C, "innocent_tool", "poisoned", "tool_poisoning"),
    (C, "helper", "poisoned", "tool_poisoning"),
    (C, "data_tool", "poisoned", "tool_poisoning"),
    (C, "report", "poisoned", "tool_poisoning"),
    (C, "backup", "poisoned", "exfiltration"),
    (C, "file_reader", "poisoned", "parameter_tampering"),
    (C, "processor", "poisoned", "parameter_tampering"),
    (C, "calculator", "poisoned", "parameter_tampering"),
    (C, "db_query", "poisoned", "parameter_tampering"),
    (C, "user_search", "poisoned", "parameter_tampering"),
    (C, "file_browser", "poisoned", "parameter_tampering"),
    (C, "url_fetcher", "poisoned", "parameter_tampering"),
    (C, "health_check", "poisoned", "parameter_tampering"),
    (C, "normal_tool", None, None), (C, "system_tool", None, None), (C, "encoder", None, None),
    (C, "html_renderer", None, None), (C, "image_loader", None, None),
    (C, "*", "benign", None),
    (I, "bad_tool", "poisoned", "tool_poisoning"),
    (I, "nested_threat", "poisoned", "parameter_tampering"),
    (I, "array_threat", None, None), (I, "test", None, None),
    (I, "*", "benign", None),
]

if __name__ == "__main__":
    X.build(GROUP, REPO, SNAP, LICENSE, SERVER, SELECTIONS, OUT)
