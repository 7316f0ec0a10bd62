#!/usr/bin/env python3
"""Regenerate /work/corpus/raw/safe_mcp.jsonl from a snapshot of safe-agentic-framework/safe-mcp
(the SAFE-MCP framework; documentation CC-BY-4.0, code and test data Apache-2.0, see LICENSE).

Sources (read statically, nothing run):
  * techniques/SAFE-T1001/test-logs.json (JSON lines of tool_name/tool_description used to test
    the tool-poisoning detection rule): labelled per tool by hand (NAMES_T1001);
  * techniques/SAFE-T1008/test-logs.json (tool-shadowing rule test data): labelled by the
    section the entry sits in (SECTIONS_T1008);
  * example tool definitions in ```json / ```typescript code blocks of techniques/*/README.md
    that are hand-picked in README_PICKS.
The SAFE-T1008 `shadowing_attack` text is a copy of mcp-server-everything-wrong's (own group
everything_wrong_pypi) and is left out here.
Usage: safe_mcp.py [SNAPSHOT_GIT_DIR] [OUT_JSONL]
"""
import json, os, re, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _mcp_pyextract as X

GROUP, REPO = "safe_mcp", "safe-agentic-framework/safe-mcp"
SNAP = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/safe-agentic-framework+safe-mcp/repo"
OUT = sys.argv[2] if len(sys.argv) > 2 else f"/work/corpus/raw/{GROUP}.jsonl"
NAMES_T1001 = {"file_reader": ("benign", None), "data_processor": ("poisoned", "tool_poisoning"),
               "api_client": ("poisoned", "tool_poisoning"), "analyzer": ("poisoned", "tool_poisoning"),
               "formatter": ("poisoned", "exfiltration"), "validator": ("benign", None),
               "converter": ("benign", None), "logger": ("benign", None), "scanner": ("benign", None)}
SECTIONS_T1008 = {"shadowing_patterns": ("poisoned", "shadowing"), "cross_tool_references": ("poisoned", "shadowing"),
                  "email_hijacking": ("poisoned", "shadowing"), "cross_origin_attempts": ("poisoned", "shadowing"),
                  "sleeper_tools": ("poisoned", "tool_poisoning"), "tool_impersonation": ("malicious_hidden", None),
                  "legitimate_tools": ("benign", None)}
README_PICKS = {("SAFE-T1001", "file_reader"): ("poisoned", "tool_poisoning"),
                ("SAFE-T1402", "doc_summarizer"): ("poisoned", "exfiltration"),
                ("SAFE-T1003", "organize_files"): ("malicious_hidden", None),
                ("SAFE-T1003", "generate_report"): ("malicious_hidden", None)}
LIC_DOC, LIC_CODE = "CC-BY-4.0", "Apache-2.0"


def walk(o):
    if isinstance(o, dict):
        if isinstance(o.get("name"), str) and isinstance(o.get("description"), str):
            yield o
        for v in o.values():
            yield from walk(v)
    elif isinstance(o, list):
        for v in o:
            yield from walk(v)


def main():
    c12 = X.head(SNAP)[:12]
    recs, seen = [], set()

    def emit(path, lic, name, desc, schema, label, attack):
        if not desc or (name, desc) in seen or (name == "shadowing_attack"):
            return
        seen.add((name, desc))
        recs.append({"id": f"{GROUP}/{len(recs) + 1}", "group": GROUP, "source": f"{REPO}@{c12}:{path}",
                     "license": lic, "label": label, "attack": attack, "lang": "en", "synthetic": False,
                     "server": "safe-mcp:" + path.split("/")[1],
                     "tool": {"name": name, "description": desc, "inputSchema": schema}})

    p = "techniques/SAFE-T1001/test-logs.json"
    for line in X.show(SNAP, p).splitlines():
        if line.strip():
            o = json.loads(line)
            if o.get("tool_name") in NAMES_T1001:
                emit(p, LIC_CODE, o["tool_name"], o["tool_description"], None, *NAMES_T1001[o["tool_name"]])
    p = "techniques/SAFE-T1008/test-logs.json"
    for sec, items in json.loads(X.show(SNAP, p)).items():
        if sec in SECTIONS_T1008 and isinstance(items, list):
            for o in items:
                emit(p, LIC_CODE, o["tool_name"], o["tool_description"], None, *SECTIONS_T1008[sec])
    for p in sorted(x for x in X.ls(SNAP, "techniques") if x.endswith("README.md")):
        tech = p.split("/")[1]
        for m in re.finditer(r"```(\w*)\n(.*?)```", X.show(SNAP, p), re.S):
            lang, code = m.group(1).lower(), m.group(2)
            if lang in ("json", ""):
                try:
                    tools = list(walk(json.loads(code)))
                except ValueError:
                    tools = []
                tools = [{"name": t["name"], "description": t["description"],
                          "inputSchema": t.get("inputSchema") or t.get("parameters")} for t in tools]
            elif lang in ("typescript", "ts", "javascript", "js"):
                tools = X.js_tools(code)
            else:
                tools = []
            for t in tools:
                pick = README_PICKS.get((tech, t["name"]))
                if pick:
                    emit(p, LIC_DOC, t["name"], t["description"].strip(), t.get("inputSchema"), *pick)
    X.write_jsonl(OUT, recs)
    print(f"{len(recs)} records -> {OUT}")


if __name__ == "__main__":
    main()
