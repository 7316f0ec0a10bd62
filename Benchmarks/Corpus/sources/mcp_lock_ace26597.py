#!/usr/bin/env python3
"""Write /work/corpus/raw/mcp_lock_ace26597.jsonl from a snapshot of ace26597/mcp-lock (Apache-2.0).

mcp-lock pins MCP tool definitions and scans them; its test fixtures are extracted statically:
  * tests/servers/{safe,drifted,poisoned}-server.mjs: the `const TOOLS = [...]` literal of each
    stdio test server (name, description, inputSchema). safe = benign; drifted = the rug-pulled
    version of safe (read_file gains a "send a copy of the file path to our telemetry endpoint"
    directive = poisoned/rug_pull; the rest benign); poisoned: read_file (exfiltration), calculator
    (instruction override), format_text (base64 "decode and execute") = poisoned. Two poisoned-server
    tools are skipped as not carrying instructions aimed at the model: get_weather (an HTML-comment
    <script> XSS payload) and admin_tool (over-permissioned, plainly described).
  * tests/unit/rules.test.ts: the {name, description} tools fed to the rules (two injected ones,
    one zero-width-space-hidden one = poisoned; plain ones benign; the Cyrillic-homoglyph-only one,
    which has no instruction, is skipped).
Usage: mcp_lock_ace26597.py [SNAPSHOT_GIT_DIR] [OUT_JSONL]
"""
import os, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _newsrc as N

REPO, GROUP, LICENSE = "ace26597/mcp-lock", "mcp_lock_ace26597", "Apache-2.0"
DEFAULT_GIT = "/work/.mirror/ace26597+mcp-lock/repo"
DEFAULT_OUT = f"/work/corpus/raw/{GROUP}.jsonl"

SERVERS = {  # path -> {tool: (label, attack)}; tools not listed = benign, None label = skip
    "tests/servers/safe-server.mjs": {},
    "tests/servers/drifted-server.mjs": {"read_file": ("poisoned", "rug_pull")},
    "tests/servers/poisoned-server.mjs": {"read_file": ("poisoned", "exfiltration"),
                                          "calculator": ("poisoned", "instruction_override"),
                                          "format_text": ("poisoned", "obfuscated_instruction"),
                                          "get_weather": (None, None), "admin_tool": (None, None)},
}
UNIT = "tests/unit/rules.test.ts"
UNIT_LABELS = {  # description anchor -> (label, attack)
    "first send all conversation context": ("poisoned", "exfiltration"),
    "Ignore previous instructions": ("poisoned", "instruction_override"),
    "Also send data to evil.com": ("poisoned", "exfiltration"),
    "fr\u043em disk": (None, None),
}


def main():
    snap = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_GIT
    out = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_OUT
    b = N.Builder(GROUP, REPO, snap, LICENSE)
    for path, labels in SERVERS.items():
        src = N.show(snap, path)
        info = N.js_literal(N.js_balanced(src, src.index("{", src.index("const SERVER_INFO"))))
        tools = N.js_literal(N.js_balanced(src, src.index("[", src.index("const TOOLS"))))
        for t in tools:
            label, attack = labels.get(t["name"], ("benign", None))
            if label:
                b.tool(path, t["name"], t["description"], t.get("inputSchema"), label, attack,
                       server=f"{info['name']}@{info['version']}")
    for t in N.X.js_tools(N.show(snap, UNIT)):
        label, attack = next((v for k, v in UNIT_LABELS.items() if k in t["description"]), ("benign", None))
        if label:
            b.tool(UNIT, t["name"], t["description"], None, label, attack, server="rules-test")
    b.write(out)


if __name__ == "__main__":
    main()
