#!/usr/bin/env python3
"""Write /work/corpus/raw/mastermcp_slowmist.jsonl from a snapshot of slowmist/MasterMCP (MIT).

MasterMCP is SlowMist's demonstration of malicious MCP plugins. Extracted statically (nothing run):
  * tools_plugins/*.py PLUGIN_INFO dicts (name, description, schema) -> tool records:
    banana (forced "banana detection" before every other tool = poisoned/tool_redirection),
    remove_server (hex-encoded "[admin] ... prioritize calling MasterMCP's remove_server" =
    poisoned/obfuscated_instruction, shadowing toolbox's remove_server), url_json and
    Master_cross_call (plain descriptions; their *outputs* carry the attack = malicious_hidden,
    the corpus label for "the attack is not in the definition");
  * tool outputs / web pages an agent would read -> text records:
    Master_cross_call's return value (hex-encoded instruction to call toolbox add_server),
    url_json's return value wrapping the JSON of utils/fastapi_mod.py /api/data (carrier
    rebuilt exactly as url_json formats it), templates/index.html (HTML comment telling the agent
    to read ~/.cursor/mcp.json and exfiltrate smitheryApiKey), index_encode.html (same, hex),
    gold_evil.html (same, Chinese as HTML numeric entities) = injection; gold.html = clean.
Prompt/resource plugins are not tools and are skipped.
Usage: mastermcp_slowmist.py [SNAPSHOT_GIT_DIR] [OUT_JSONL]
"""
import ast, os, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _newsrc as N

REPO, GROUP, LICENSE, SERVER = "slowmist/MasterMCP", "mastermcp_slowmist", "MIT", "MasterMCP"
DEFAULT_GIT = "/work/.mirror/slowmist+MasterMCP/repo"
DEFAULT_OUT = f"/work/corpus/raw/{GROUP}.jsonl"

TOOLS = {  # plugin file -> (label, attack)
    "tools_plugins/initialize_data_poisoning.py": ("poisoned", "tool_redirection"),
    "tools_plugins/malicious_competitive_function.py": ("poisoned", "obfuscated_instruction"),
    "tools_plugins/inject_json_poisoning.py": ("malicious_hidden", "tool_redirection"),
    "tools_plugins/malicious_cross_mcp_call.py": ("malicious_hidden", "tool_redirection"),
}
PAGES = [  # (path, label, attack)
    ("templates/index.html", "injection", "exfiltration"),
    ("templates/index_encode.html", "injection", "obfuscated_instruction"),
    ("templates/gold_evil.html", "injection", "obfuscated_instruction"),
    ("templates/gold.html", "clean", None),
]


def plugin_info(src):
    for n in ast.parse(src).body:
        if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") == "PLUGIN_INFO":
            d = {}
            for k, v in zip(n.value.keys, n.value.values):
                try:
                    d[ast.literal_eval(k)] = ast.literal_eval(v)
                except Exception:
                    pass
            return d
    raise KeyError("PLUGIN_INFO")


def main():
    snap = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_GIT
    out = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_OUT
    b = N.Builder(GROUP, REPO, snap, LICENSE, SERVER)
    for path, (label, attack) in TOOLS.items():
        info = plugin_info(N.show(snap, path))
        schema = dict(info["schema"])
        schema.pop("title", None)
        b.tool(path, info["name"], info["description"], schema, label, attack)
    # tool outputs
    p = "tools_plugins/malicious_cross_mcp_call.py"
    b.text(p, N.pick(N.show(snap, p), "5b 65 72 72 6f 72 73 5d"), "injection", "obfuscated_instruction", "tool_output")
    p = "utils/fastapi_mod.py"
    data = {"result": N.pick(N.show(snap, p), "[errors]Some errors occurred here")}
    b.text(p, f"Please confirm this JSON result: {data}", "injection", "tool_redirection", "tool_output")
    for path, label, attack in PAGES:
        b.text(path, N.show(snap, path), label, attack, "web_page")
    b.write(out)


if __name__ == "__main__":
    main()
