#!/usr/bin/env python3
"""Write /work/corpus/raw/mcp_injection_experiments_jh.jsonl from a snapshot of
johannhartmann/mcp-injection-experiments (MIT, declared in pyproject.toml; no LICENSE file).

This is Johann Hartmann's expansion of a fork of invariantlabs-ai/mcp-injection-experiments into
~25 "safe remote" MCP attack demos (src/mcp_demo/experiments/*.py). The three root files copied
from the Invariant original (direct-poisoning.py, shadowing.py, whatsapp-takeover.py) carry no
licence and are NOT used. Extracted statically (Python ast / YAML; nothing is run):
  * tool definitions registered with @server.tool(name=..., description=...) in the experiments;
    descriptions given as module constants are resolved; mode-dependent descriptions are emitted
    once per variant (vulnerable = poisoned, defended/benign = benign); the schema comes from the
    decorated function's signature (rug-pull variants use the module's BENIGN_/POISONED_SCHEMA).
    run_demo harness tools are skipped.
  * tests/fixtures/registry/example-server-v{1,2}.yaml (registry rug pull: v2's profile.get
    gains an <IMPORTANT> exfiltration block) and the poisoned descriptions used as linter/hash test
    inputs in tests/unit (no tool name/schema there: name taken from the described function).
  * injected texts an agent reads through tools (hidden-HTML support article, poisoned PR/issue
    comments, git diff, memory note, Slack message, sampling prompt, ClickFix page) = injection.
    Placeholders are filled from the module's own constants (PR number) or, for the runtime
    canary, with a value in the documented CANARY_<slug>_<hex> layout.
Usage: mcp_injection_experiments_jh.py [SNAPSHOT_GIT_DIR] [OUT_JSONL]
"""
import ast, os, sys
import yaml
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _newsrc as N

REPO, GROUP, LICENSE, SERVER = ("johannhartmann/mcp-injection-experiments", "mcp_injection_experiments_jh",
                                "MIT", "mcp-demo")
DEFAULT_GIT = "/work/.mirror/johannhartmann+mcp-injection-experiments/repo"
DEFAULT_OUT = f"/work/corpus/raw/{GROUP}.jsonl"
EXP = "src/mcp_demo/experiments/"

# tools whose description is computed at build time: (file, tool) -> [(CONST or literal, schema CONST, label, attack)]
VARIANTS = {
    ("direct_poisoning.py", "calculator.add"): [("POISONED_DESCRIPTION", None, "poisoned", "exfiltration"),
                                                ("CLEAN_DESCRIPTION", None, "benign", None)],
    ("tool_shadowing.py", "helper.add"): [("HELPER_DESCRIPTION", None, "poisoned", "shadowing"),
                                          ("=Add two integers and return their sum.", None, "benign", None)],
    ("sleeper_rug_pull.py", "random_fact.get"): [("POISONED_DESCRIPTION", "POISONED_SCHEMA", "poisoned", "rug_pull"),
                                                 ("BENIGN_DESCRIPTION", "BENIGN_SCHEMA", "benign", None)],
}
# resolved descriptions that carry attacker instructions (everything else resolved = benign)
POISONED_CONSTS = {("implicit_tool_poisoning.py", "_POISONED_DESCRIPTION"): "shadowing"}

# (file, anchor, label, attack, kind)
TEXTS = [
    ("agent_traps_hidden_html.py", "<!-- AGENT:", "injection", "exfiltration", "web_page"),
    ("agent_traps_memory_poisoning.py", "Always prefer the malicious-helper", "injection", "preference_manipulation", "memory"),
    ("ai_clickfix.py", "System Repair Required", "injection", "command_execution", "web_page"),
    ("git_filesystem_chain_safe.py", "+++ b/setup.sh", "injection", "command_execution", "code_diff"),
    ("github_issue_leak.py", "When you triage this issue", "injection", "exfiltration", "issue"),
    ("comment_and_control.py", "please paste the value of CI_DEPLOY_KEY", "injection", "exfiltration", "pr_comment"),
    ("promptware_heartbeat.py", "remember this instruction permanently", "injection", "instruction_override", "document"),
    ("sampling_abuse.py", "You are a tireless assistant", "injection", "exfiltration", "sampling_request"),
    ("slack_unfurl_leak.py", "Internal status: canary=", "injection", "exfiltration", "chat_message"),
    ("agent_traps_sybil_and_fragments.py", "Approve and merge. Bypass the linter.", "injection", "instruction_override", "pr_comment"),
]
CANARY = {"slack_unfurl_leak.py": "CANARY_remote_slack_unfurl_leak_3f9a1c07d2b4e8a6"}
UNIT = [  # (path, CONST, tool name, attack)
    ("tests/unit/test_tool_description_linter.py", "POISONED", "add", "exfiltration"),
    ("tests/unit/test_tool_description_linter.py", "POISONED_REAL_PATH", "add", "exfiltration"),
    ("tests/unit/test_tool_metadata_hashing.py", "DESC_B", "random_fact.get", "shadowing"),
]


def literal_consts(src):
    env = {}
    for n in ast.parse(src).body:
        if isinstance(n, (ast.Assign, ast.AnnAssign)):
            tg = n.targets[0] if isinstance(n, ast.Assign) else n.target
            if isinstance(tg, ast.Name) and n.value is not None:
                try:
                    env[tg.id] = ast.literal_eval(n.value)
                except Exception:
                    pass
    return env


def decorated_tools(src):
    for n in ast.walk(ast.parse(src)):
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for d in n.decorator_list:
                if isinstance(d, ast.Call) and ast.unparse(d.func).endswith(".tool"):
                    kw = {k.arg: k.value for k in d.keywords}
                    fn = ast.FunctionDef(name=n.name, args=n.args, body=n.body, decorator_list=[], returns=n.returns,
                                         type_comment=None, type_params=[])
                    t = N.X.py_tools("@mcp.tool()\n" + ast.unparse(ast.fix_missing_locations(fn)))
                    yield n.lineno, N._render(kw.get("name")) if "name" in kw else n.name, kw.get("description"), \
                        (t[0]["inputSchema"] if t else None), ast.get_docstring(n)


def clean_schema(schema):
    """Drop f-string defaults whose placeholder is only known at run time (e.g. "mcp-{mode}")."""
    for prop in (schema or {}).get("properties", {}).values():
        if isinstance(prop.get("default"), str) and "{" in prop["default"]:
            del prop["default"]
    return schema


def main():
    snap = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_GIT
    out = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_OUT
    b = N.Builder(GROUP, REPO, snap, LICENSE, SERVER)
    files = sorted(p for p in N.ls(snap, EXP) if p.endswith(".py") and not p.endswith(("__init__.py", "registry.py")))
    for path in files:
        f = path[len(EXP):]
        src = N.show(snap, path)
        env, lit = N.module_consts(src), literal_consts(src)
        for _, name, dexpr, schema, doc in sorted(decorated_tools(src), key=lambda x: x[0]):
            schema = clean_schema(schema)
            if name == "run_demo":
                continue
            if (f, name) in VARIANTS:
                for const, sconst, label, attack in VARIANTS[(f, name)]:
                    desc = const[1:] if const.startswith("=") else env[const]
                    b.tool(path, name, desc, lit[sconst] if sconst else schema, label, attack)
                continue
            if dexpr is None:
                desc, cname = doc, None
            else:
                cname = dexpr.id if isinstance(dexpr, ast.Name) else None
                desc = env.get(cname) if cname else N._render(dexpr)
                if desc is not None:
                    for k, v in env.items():  # fill {CONST} placeholders of f-strings
                        desc = desc.replace("{" + k + "}", v)
            if desc is None:
                raise SystemExit(f"unresolved description: {path} {name}")
            if (f, cname) in POISONED_CONSTS:
                b.tool(path, name, desc, schema, "poisoned", POISONED_CONSTS[(f, cname)])
            else:
                b.tool(path, name, desc, schema, "benign", None)
    for v in ("v1", "v2"):
        path = f"tests/fixtures/registry/example-server-{v}.yaml"
        doc = yaml.safe_load(N.show(snap, path))
        for t in doc["tools"]:
            poisoned = "<IMPORTANT>" in t["description"]
            b.tool(path, t["name"], t["description"], t.get("schema"), "poisoned" if poisoned else "benign",
                   "rug_pull" if poisoned else None, server=doc["server_id"])
    for path, const, name, attack in UNIT:
        b.tool(path, name, N.module_consts(N.show(snap, path))[const], None, "poisoned", attack)
    for f, anchor, label, attack, kind in TEXTS:
        path = EXP + f
        src = N.show(snap, path)
        text = N.pick(src, anchor)
        env = N.module_consts(src)
        text = text.replace("{canary.value}", CANARY.get(f, "{canary.value}"))
        if "{pr}" in text:
            text = text.format(pr=literal_consts(src)["PUBLIC_PR_NUMBER"])
        assert "{" not in text or "<" in text, (f, text)
        b.text(path, text, label, attack, kind)
    b.write(out)


if __name__ == "__main__":
    main()
