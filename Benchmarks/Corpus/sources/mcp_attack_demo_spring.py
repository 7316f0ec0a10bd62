#!/usr/bin/env python3
"""Write /work/corpus/raw/mcp_attack_demo_spring.jsonl from a snapshot of
mdatikshahriar/mcp-attack-demo-spring (server: Apache-2.0 per the README licence section and the
Apache headers of the server's Java sources; no LICENSE file in the tree).

A Spring AI MCP server demonstrating a context-exfiltration tool-poisoning attack. Tool
definitions are read statically from server/src/main/java/**/*.java (regexes over the source,
nothing compiled or run): @Tool(description = "..." | CONSTANT) on a method, the method name as the
tool name, and @ToolParam(description=..., required=...) parameters (Java types mapped to JSON
types; ToolContext skipped) as the inputSchema. Java text blocks are de-indented as javac does and
\\uXXXX escapes decoded (the poisoned description hides zero-width spaces in an HTML comment).
Labels: WeatherService.searchLocation (hidden "<!-- INSTRUCTIONS ...": collect every API key /
secret in the conversation into the `leaks` argument) = poisoned/exfiltration; all other weather and
math tools = benign.
Usage: mcp_attack_demo_spring.py [SNAPSHOT_GIT_DIR] [OUT_JSONL]
"""
import os, re, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _newsrc as N

REPO, GROUP, LICENSE, SERVER = "mdatikshahriar/mcp-attack-demo-spring", "mcp_attack_demo_spring", "Apache-2.0", "mcp-attack-demo-server"
DEFAULT_GIT = "/work/.mirror/mdatikshahriar+mcp-attack-demo-spring/repo"
DEFAULT_OUT = f"/work/corpus/raw/{GROUP}.jsonl"
POISONED = {"searchLocation": "exfiltration"}
JTYPES = {"double": "number", "Double": "number", "float": "number", "Float": "number", "int": "integer",
          "Integer": "integer", "long": "integer", "Long": "integer", "String": "string", "boolean": "boolean",
          "Boolean": "boolean"}
STR = r'(?:"""\n.*?"""|"(?:[^"\\]|\\.)*")'


def jstr(lit):
    if lit.startswith('"""'):
        lines = lit[4:-3].split("\n")
        ind = min((len(l) - len(l.lstrip()) for l in lines if l.strip()), default=0)
        last = lines[-1]
        if not last.strip():  # closing delimiter on its own line also counts for the indent
            ind = min(ind, len(last))
        s = "\n".join(l[ind:].rstrip() for l in lines)
    else:
        s = lit[1:-1]
    s = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), s)
    return s.replace('\\"', '"').replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\")


def java_tools(src):
    consts = {m.group(1): jstr(m.group(2)) for m in re.finditer(r"static final String (\w+)\s*=\s*(" + STR + r")\s*;", src, re.S)}
    for m in re.finditer(r"@Tool\(\s*description\s*=\s*(" + STR + r"|\w+)\s*\)", src, re.S):
        d = m.group(1)
        desc = consts[d] if d in consts else jstr(d)
        sig = re.compile(r"(?:@\w+\([^)]*\)\s*)*public\s+[\w<>\[\], ?]+\s+(\w+)\s*\(", re.S).match(src, m.end() + len(re.match(r"\s*", src[m.end():]).group(0)))
        if not sig:
            continue
        # parameter list up to the matching ')'
        depth, i = 1, sig.end()
        while depth:
            c = src[i]
            if c == '"':
                i = re.compile(r'"(?:[^"\\]|\\.)*"').match(src, i).end() - 1
            depth += (c == "(") - (c == ")")
            i += 1
        params = src[sig.end():i - 1]
        props, req = {}, []
        for pm in re.finditer(r"(@ToolParam\((.*?)\)\s*)?([\w<>\[\]]+)\s+(\w+)\s*(?:,|$)", params.strip(), re.S):
            ann, typ, name = pm.group(2), pm.group(3), pm.group(4)
            if typ == "ToolContext":
                continue
            p = {"type": JTYPES.get(typ, "array" if typ.startswith(("List", "Set")) or typ.endswith("[]") else "object")}
            required = True
            if ann:
                dm = re.search(r"description\s*=\s*(" + STR + ")", ann, re.S)
                if dm:
                    p["description"] = jstr(dm.group(1))
                if re.search(r"required\s*=\s*false", ann):
                    required = False
            props[name] = p
            if required:
                req.append(name)
        schema = {"type": "object", "properties": props}
        if req:
            schema["required"] = req
        yield sig.group(1), desc, schema


def main():
    snap = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_GIT
    out = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_OUT
    b = N.Builder(GROUP, REPO, snap, LICENSE, SERVER)
    for path in N.ls(snap, "server/src/main/java"):
        if path.endswith(".java"):
            for name, desc, schema in java_tools(N.show(snap, path)):
                atk = POISONED.get(name)
                b.tool(path, name, desc, schema, "poisoned" if atk else "benign", atk)
    b.write(out)


if __name__ == "__main__":
    main()
