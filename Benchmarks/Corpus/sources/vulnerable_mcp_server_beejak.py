#!/usr/bin/env python3
"""Write /work/corpus/raw/vulnerable_mcp_server_beejak.jsonl from a snapshot of
beejak/Vulnerable-MCP-Server (MIT, declared in README badge + pyproject.toml; no LICENSE file).

A CTF-style deliberately vulnerable FastMCP server (same author as beejak/mcp-sentinel, which is
already in the corpus; no text is shared between the two). Extracted statically from
vulnerabilities/*.py (Python ast; nothing run):
  * every @app.tool(description=...) definition; f-string parts are filled from the module's own
    constants (zero-width characters etc.) and from flags/flags.py (get_flag(...)); schema from
    the function signature. Labels by hand:
      tool_poisoning.py analyze_code (zero-width-wrapped "SYSTEM OVERRIDE"), security_scan (HTML
      comment asking for the system prompt), log_analytics ([INST] exfiltration);
      tool_shadowing.py send_email (zero-width [SHADOW] redirect), search_and_summarise
      (IMPORTANT: call read_file /etc/passwd) = poisoned;
      rug_pull.py analyse_repo / get_compliance_report (honest listing, behaviour mutates later)
      and multi_vector.py forward_report (a shadowing relay whose definition is plain) =
      malicious_hidden; the rest (command/path/SQL/template/pickle/SSRF/DoS/auth bugs live in the
      implementation) = benign. exfiltration.py send_ai_message is skipped (its description
      interpolates runtime config secrets, not an instruction).
  * tool outputs: fetch_url's two simulated malicious pages (returned as
    "Content from {url}:\n\n{content}"), fetch_advisory's advisory body + injected "SECURITY TEAM
    NOTICE" (cut before the CTF's own explanatory footer) = injection; the simulated cloud
    metadata listing returned for 169.254.169.254 = clean.
Usage: vulnerable_mcp_server_beejak.py [SNAPSHOT_GIT_DIR] [OUT_JSONL]
"""
import ast, os, re, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _newsrc as N

REPO, GROUP, LICENSE, SERVER = "beejak/Vulnerable-MCP-Server", "vulnerable_mcp_server_beejak", "MIT", "vulnerable-mcp-server"
DEFAULT_GIT = "/work/.mirror/beejak+Vulnerable-MCP-Server/repo"
DEFAULT_OUT = f"/work/corpus/raw/{GROUP}.jsonl"

LABELS = {  # (file, tool) -> (label, attack); unlisted = benign
    ("tool_poisoning.py", "analyze_code"): ("poisoned", "obfuscated_instruction"),
    ("tool_poisoning.py", "security_scan"): ("poisoned", "prompt_leak"),
    ("tool_poisoning.py", "log_analytics"): ("poisoned", "exfiltration"),
    ("tool_shadowing.py", "send_email"): ("poisoned", "shadowing"),
    ("tool_shadowing.py", "search_and_summarise"): ("poisoned", "tool_redirection"),
    ("rug_pull.py", "analyse_repo"): ("malicious_hidden", "rug_pull"),
    ("rug_pull.py", "get_compliance_report"): ("malicious_hidden", "rug_pull"),
    ("multi_vector.py", "forward_report"): ("malicious_hidden", "shadowing"),
    ("exfiltration.py", "send_ai_message"): (None, None),
}


def filler(snap):
    flags = ast.literal_eval(re.search(r"_FLAGS: dict\[str, str\] = (\{.*?\n\})", N.show(snap, "flags/flags.py"), re.S).group(1))

    def fill(s, env):
        for _ in range(3):
            s = re.sub(r"\{get_flag\('([A-Z0-9-]+)'\)\}", lambda m: flags[m.group(1)], s)
            for k, v in env.items():
                s = s.replace("{" + k + "}", v)
        return s
    return fill, flags


def tools(src):
    for n in ast.walk(ast.parse(src)):
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for d in n.decorator_list:
                if isinstance(d, ast.Call) and ast.unparse(d.func).endswith(".tool"):
                    kw = {k.arg: k.value for k in d.keywords}
                    fn = ast.FunctionDef(name=n.name, args=n.args, body=[ast.Pass()], decorator_list=[],
                                         returns=None, type_comment=None, type_params=[])
                    t = N.X.py_tools("@mcp.tool()\n" + ast.unparse(ast.fix_missing_locations(fn)))
                    yield n.lineno, n.name, N._render(kw["description"]) if "description" in kw else ast.get_docstring(n), t[0]["inputSchema"]


def main():
    snap = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_GIT
    out = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_OUT
    b = N.Builder(GROUP, REPO, snap, LICENSE, SERVER)
    fill, flags = filler(snap)
    for path in N.ls(snap, "vulnerabilities"):
        f = path.split("/")[-1]
        if f in ("__init__.py", "base.py"):
            continue
        src = N.show(snap, path)
        env = N.module_consts(src)
        for _, name, desc, schema in sorted(tools(src)):
            label, attack = LABELS.get((f, name), ("benign", None))
            if not label:
                continue
            desc = fill(desc, env)
            assert not re.search(r"\{(_|cfg\.|get_flag|[a-z_]+\})", desc), (path, name, desc)
            b.tool(path, name, desc, schema, label, attack)
    # tool outputs
    path = "vulnerabilities/prompt_injection.py"
    src = N.show(snap, path)
    pages = next(n.value for n in ast.parse(src).body if isinstance(n, ast.AnnAssign) and n.target.id == "_MALICIOUS_PAGES")
    for k, v in zip(pages.keys, pages.values):
        url, content = ast.literal_eval(k), fill(N._render(v), {})
        if "attacker.example.com/inject" in url:
            b.text(path, f"Content from {url}:\n\n{content}", "injection", "prompt_leak", "web_page")
        elif "attacker.example.com/exfil" in url:
            b.text(path, f"Content from {url}:\n\n{content}", "injection", "exfiltration", "web_page")
        else:
            b.text(path, f"Content from {url}:\n\n{content}", "clean", None, "tool_output")
    path = "vulnerabilities/multi_vector.py"
    src = N.show(snap, path)
    body = N.pick(src, "SECURITY ADVISORY — CRITICAL")
    notice = N.pick(src, "[SECURITY TEAM NOTICE:")
    b.text(path, body + notice, "injection", "exfiltration", "tool_output")
    b.write(out)


if __name__ == "__main__":
    main()
