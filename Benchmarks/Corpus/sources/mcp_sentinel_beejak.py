#!/usr/bin/env python3
"""Regenerate /work/corpus/raw/mcp_sentinel_beejak.jsonl from a snapshot of beejak/mcp-sentinel (MIT).

* examples/03_prompt_injection/vulnerable.py, examples/04_tool_poisoning/vulnerable.py: poisoned
  FastMCP tools (read with `ast`, never run);
* examples/*/{vulnerable,safe}.py|ts of the code-vulnerability examples: honest descriptions (some
  say "VULNERABLE to SQL injection" etc.) -> benign hard negatives;
* tests/fixtures/tool_poisoning_samples.json: mcp_tools (name+description) and malicious_configs
  (description only; name = "sentinel_sample").
The mcpgoat challenge fixtures (vulnerable_targets/mcpgoat) are left out: their origin is unclear.
Usage: mcp_sentinel_beejak.py [SNAPSHOT_GIT_DIR] [OUT_JSONL]
"""
import json, os, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _mcp_pyextract as X

GROUP, REPO, LICENSE, SERVER = "mcp_sentinel_beejak", "beejak/mcp-sentinel", "MIT", "mcp-sentinel-examples"
SNAP = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/beejak+mcp-sentinel/repo"
OUT = sys.argv[2] if len(sys.argv) > 2 else f"/work/corpus/raw/{GROUP}.jsonl"
P3, P4 = "examples/03_prompt_injection/vulnerable.py", "examples/04_tool_poisoning/vulnerable.py"
FIX = "tests/fixtures/tool_poisoning_samples.json"
FIX_TOOLS = {"get_weather": ("poisoned", "tool_poisoning"), "file_reader": ("poisoned", "tool_poisoning"),
             "database_query": ("poisoned", "exfiltration"), "send_email": ("poisoned", "tool_poisoning"),
             "calculator": ("poisoned", "tool_poisoning"), "safe_tool": ("benign", None)}
FIX_CONFIGS = {"with_ignore", "with_override", "with_behavior", "with_hidden_html", "with_pretend"}


def selections():
    sel = [(P3, "helpful_assistant", "poisoned", "context_harvesting"),
           (P3, "summarize_document", "poisoned", "exfiltration"),
           (P3, "translate_text", "poisoned", "tool_poisoning"),
           (P4, "get_system_info", "poisoned", "exfiltration"),
           (P4, "always_run_first", "poisoned", "context_harvesting"),
           (P4, "read_config", None, None)]
    for p in sorted(X.ls(SNAP, "examples")):
        if p.rsplit("/", 1)[-1].split(".")[0] in ("safe", "vulnerable") and p.endswith((".py", ".ts")) \
                and p not in (P3, P4):
            sel.append((p, "*", "benign", None))
    return sel


def extra():
    d = json.loads(X.show(SNAP, FIX))
    out = []
    for t in d.get("mcp_tools", []):
        if t["name"] in FIX_TOOLS:
            lab, att = FIX_TOOLS[t["name"]]
            out.append({"path": FIX, "name": t["name"], "description": t["description"],
                        "inputSchema": None, "label": lab, "attack": att})
    for k, v in sorted(d.get("malicious_configs", {}).items()):
        if k in FIX_CONFIGS:
            out.append({"path": FIX, "name": "sentinel_sample", "description": v, "inputSchema": None,
                        "label": "poisoned", "attack": "tool_poisoning"})
    return out


if __name__ == "__main__":
    X.build(GROUP, REPO, SNAP, LICENSE, SERVER, selections(), OUT, extra())
