#!/usr/bin/env python3
"""Write /work/corpus/raw/mcp_context_protector.jsonl from a snapshot of
trailofbits/mcp-context-protector (Apache-2.0).

The repository's test/ directory holds the downstream MCP servers its wrapper tests run against.
None of them carries a poisoned description (checked by reading every test server; the
"poisoning"-like tests only swap one plain description for another, e.g. "MODIFIED DESCRIPTION"),
so every tool is emitted as a benign hard negative:
  * types.Tool(name=..., description=..., inputSchema=...) in test/*_server.py (ansi_echo's
    description keeps its real ANSI colour escapes, rendered from the module constants RED/GREEN/...);
  * FastMCP app.add_tool(handler, name=..., description=...) in test/dynamic_downstream_server.py
    (schema derived from the handler's signature).
Extraction is static (Python ast); nothing from the snapshot is run.
Usage: mcp_context_protector.py [SNAPSHOT_GIT_DIR] [OUT_JSONL]
"""
import ast, os, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _newsrc as N

REPO, GROUP, LICENSE, SERVER = "trailofbits/mcp-context-protector", "mcp_context_protector", "Apache-2.0", "context-protector-test-server"
DEFAULT_GIT = "/work/.mirror/trailofbits+mcp-context-protector/repo"
DEFAULT_OUT = f"/work/corpus/raw/{GROUP}.jsonl"


def fill(desc, env):
    for k, v in env.items():
        desc = desc.replace("{" + k + "}", v)
    return desc


def add_tool_calls(src):
    tree = ast.parse(src)
    funcs = {n.name: n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
    out = []
    for n in ast.walk(tree):
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "add_tool" and n.args:
            kw = {k.arg: k.value for k in n.keywords}
            h = getattr(n.args[0], "id", None)
            name = N._render(kw["name"]) if "name" in kw else (N._render(n.args[1]) if len(n.args) > 1 else h)
            desc = N._render(kw["description"]) if "description" in kw else None
            schema = None
            if h in funcs:
                t = N.X.py_tools("@mcp.tool()\n" + ast.unparse(funcs[h]))
                if t:
                    schema = t[0]["inputSchema"]
                    desc = desc or t[0]["description"]
            if name and desc:
                out.append((n.lineno, name, desc, schema))
    return sorted(out)


def main():
    snap = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_GIT
    out = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_OUT
    b = N.Builder(GROUP, REPO, snap, LICENSE, SERVER)
    for p in N.ls(snap, "test"):
        if not (p.endswith("_server.py")):
            continue
        src = N.show(snap, p)
        env = N.module_consts(src)
        for t in N.X.py_tools(src):
            desc = "\n".join(l.strip() for l in fill(t["description"], env).splitlines()).strip()
            b.tool(p, t["name"], desc, t["inputSchema"], "benign", None)
        for _, name, desc, schema in add_tool_calls(src):
            b.tool(p, name.replace("{num_tools}", "4"), desc.replace("{num_tools}", "4"), schema, "benign", None)
    b.write(out)


if __name__ == "__main__":
    main()
