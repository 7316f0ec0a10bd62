"""Shared stdlib helpers for the mcpguard corpus source scripts (tool-definition extraction).

Reads fetched git snapshots with `git show` and extracts MCP tool definitions statically
(never imports or runs the snapshot's code):
  * Python: functions decorated with *.tool(...) / @tool (FastMCP style), `Tool(name=..., ...)`
    constructor calls and dict literals with "name"+"description" keys;
  * JS/TS: `server.tool("name", "description", ...)`, `registerTool("name", {description})`
    and object literals `{ name: "...", description: "..." }`.
"""
import ast, inspect, json, re, subprocess

PY_TYPES = {"str": "string", "int": "integer", "float": "number", "bool": "boolean",
            "list": "array", "List": "array", "dict": "object", "Dict": "object",
            "tuple": "array", "Any": None, "Optional": None}


def git(snap, *args):
    return subprocess.run(["git", "--git-dir", snap, *args], check=True, capture_output=True).stdout


def head(snap):
    return git(snap, "rev-parse", "HEAD").decode().strip()


def ls(snap, *paths):
    return git(snap, "ls-tree", "-r", "--name-only", "HEAD", *paths).decode().splitlines()


def show(snap, path, rev="HEAD"):
    return git(snap, "show", f"{rev}:{path}").decode("utf-8", "replace")


def _ann_type(ann):
    if ann is None:
        return None
    s = ast.unparse(ann)
    base = re.split(r"[\[\|]", s)[0].strip().split(".")[-1]
    if base == "Optional" or base == "Union":
        inner = re.findall(r"\[(.*)\]", s)
        if inner:
            base = inner[0].split(",")[0].strip().split("[")[0]
    return PY_TYPES.get(base, "string" if base else None)


def _arg_docs(doc):
    out = {}
    m = re.search(r"(?ms)^\s*(Args|Arguments|Parameters|Params)\s*:?\s*\n(.*?)(?:^\s*(Returns?|Raises|Yields|Example[s]?)\s*:|\Z)", doc)
    if not m:
        return out
    cur = None
    for line in m.group(2).splitlines():
        mm = re.match(r"\s*[-*]?\s*`?([A-Za-z_][A-Za-z0-9_]*)`?\s*(\([^)]*\))?\s*:\s*(.*)", line)
        if mm and not line.startswith(" " * 12):
            cur = mm.group(1)
            out[cur] = mm.group(3).strip()
        elif cur and line.strip() and not re.match(r"\s*-+\s*$", line):
            out[cur] = (out[cur] + " " + line.strip()).strip()
    return out


def _const(node):
    try:
        return ast.literal_eval(node)
    except Exception:
        if isinstance(node, ast.JoinedStr):  # f-string: keep literal parts, placeholders as {expr}
            parts = []
            for v in node.values:
                if isinstance(v, ast.Constant):
                    parts.append(str(v.value))
                else:
                    parts.append("{" + ast.unparse(v.value) + "}")
            return "".join(parts)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            a, b = _const(node.left), _const(node.right)
            if isinstance(a, str) and isinstance(b, str):
                return a + b
        return None


def _is_tool_decorator(d):
    s = ast.unparse(d)
    return bool(re.match(r"^(@)?([A-Za-z_][A-Za-z0-9_]*\.)*tool(\(|$)", s)) or s.endswith(".tool()")


def py_tools(src):
    """Return list of dicts {name, description, inputSchema, lineno, kind}."""
    try:
        tree = ast.parse(src)
    except SyntaxError:
        return []
    found = []
    for n in ast.walk(tree):
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)):
            decs = [d for d in n.decorator_list if _is_tool_decorator(d)]
            if not decs:
                continue
            d = decs[0]
            name, desc = n.name, None
            if isinstance(d, ast.Call):
                for kw in d.keywords:
                    if kw.arg == "name" and isinstance(_const(kw.value), str):
                        name = _const(kw.value)
                    if kw.arg == "description" and isinstance(_const(kw.value), str):
                        desc = _const(kw.value)
                if d.args and isinstance(_const(d.args[0]), str):
                    name = _const(d.args[0])
            doc = ast.get_docstring(n) or ""
            if desc is None:
                desc = doc
            pdoc = _arg_docs(doc)
            props, req = {}, []
            args = n.args
            pos = args.posonlyargs + args.args
            defaults = [None] * (len(pos) - len(args.defaults)) + list(args.defaults)
            allargs = list(zip(pos, defaults)) + list(zip(args.kwonlyargs, args.kw_defaults))
            for a, dflt in allargs:
                if a.arg in ("self", "cls", "ctx", "context") or (a.annotation is not None and "Context" in ast.unparse(a.annotation)):
                    continue
                p = {}
                t = _ann_type(a.annotation)
                if t:
                    p["type"] = t
                if a.arg in pdoc and pdoc[a.arg]:
                    p["description"] = pdoc[a.arg]
                if dflt is not None:
                    v = _const(dflt)
                    if v is not None or (isinstance(dflt, ast.Constant) and dflt.value is None):
                        if isinstance(v, (str, int, float, bool)) or v is None:
                            p["default"] = v
                else:
                    req.append(a.arg)
                props[a.arg] = p
            schema = {"type": "object", "properties": props}
            if req:
                schema["required"] = req
            found.append({"name": name, "description": (desc or "").strip(), "inputSchema": schema,
                          "lineno": n.lineno, "kind": "py-decorator", "func": n.name})
        elif isinstance(n, ast.Call):
            fn = ast.unparse(n.func)
            if fn.split(".")[-1] in ("Tool", "MCPTool"):
                kw = {k.arg: k.value for k in n.keywords if k.arg}
                name = _const(kw["name"]) if "name" in kw else None
                desc = _const(kw["description"]) if "description" in kw else None
                if isinstance(name, str) and isinstance(desc, str):
                    sch = None
                    for key in ("inputSchema", "input_schema", "parameters"):
                        if key in kw:
                            v = _const(kw[key])
                            if isinstance(v, dict):
                                sch = v
                    found.append({"name": name, "description": desc.strip(), "inputSchema": sch,
                                  "lineno": n.lineno, "kind": "py-Tool"})
        elif isinstance(n, ast.Dict):
            keys = [_const(k) if k is not None else None for k in n.keys]
            if "name" in keys and "description" in keys:
                d = dict(zip(keys, n.values))
                name, desc = _const(d["name"]), _const(d["description"])
                if isinstance(name, str) and isinstance(desc, str) and re.fullmatch(r"[A-Za-z0-9_.\-]{2,80}", name):
                    sch = None
                    for key in ("inputSchema", "input_schema", "parameters"):
                        if key in d:
                            v = _const(d[key])
                            if isinstance(v, dict):
                                sch = v
                    found.append({"name": name, "description": desc.strip(), "inputSchema": sch,
                                  "lineno": n.lineno, "kind": "py-dict"})
    found.sort(key=lambda r: r["lineno"])
    return found


_JS_STR = r"(?:\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`)"


def js_unquote(s):
    q, body = s[0], s[1:-1]
    if q == "`":
        return body.replace("\\`", "`").replace("\\n", "\n")
    try:
        return json.loads('"' + body.replace('\\' + q, q).replace('"', '\\"').replace('\\\\"', '\\"') + '"') if q == "'" else json.loads(s)
    except Exception:
        return body.replace("\\n", "\n").replace("\\" + q, q)


def _js_concat(text, pos):
    """Read a JS string expression "a" + "b" + `c` starting at pos; return (value, end)."""
    parts, i = [], pos
    while True:
        m = re.compile(r"\s*(" + _JS_STR + r")").match(text, i)
        if not m:
            break
        parts.append(js_unquote(m.group(1)))
        i = m.end()
        m2 = re.compile(r"\s*\+\s*").match(text, i)
        if not m2:
            break
        i = m2.end()
    return ("".join(parts) if parts else None), i


def js_tools(src):
    found = []
    for m in re.finditer(r"\.\s*(tool|registerTool)\s*\(\s*(" + _JS_STR + r")\s*,", src):
        name = js_unquote(m.group(2))
        rest = src[m.end():]
        if m.group(1) == "registerTool":
            dm = re.match(r"\s*\{[^}]*?description\s*:\s*", rest, re.S)
            if not dm:
                continue
            desc, _ = _js_concat(rest, dm.end())
        else:
            desc, _ = _js_concat(rest, 0)
        if desc:
            found.append({"name": name, "description": desc.strip(), "inputSchema": None,
                          "lineno": src.count("\n", 0, m.start()) + 1, "kind": "js-call"})
    for m in re.finditer(r"\bname\s*:\s*(" + _JS_STR + r")\s*,\s*(?://[^\n]*\n\s*)?description\s*:\s*", src):
        name = js_unquote(m.group(1))
        desc, _ = _js_concat(src, m.end())
        if desc and re.fullmatch(r"[A-Za-z0-9_.\-]{2,80}", name):
            found.append({"name": name, "description": desc.strip(), "inputSchema": None,
                          "lineno": src.count("\n", 0, m.start()) + 1, "kind": "js-object"})
    found.sort(key=lambda r: r["lineno"])
    return found


def write_jsonl(path, records):
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def tools_in(snap, path):
    src = show(snap, path)
    return py_tools(src) if path.endswith(".py") else js_tools(src)


def build(group, repo, snap, license, server, selections, out, extra=()):
    """Emit records for hand-labelled tools.

    selections: list of (path, name, label, attack) tuples; name "*" = every tool in that
    path not selected explicitly (nor listed with label None, which means skip).
    Tools are matched by name; a repeated name in one file is matched in file order.
    extra: already-built tool dicts {"path", "name", "description", "inputSchema", "label", "attack"}.
    """
    c12 = head(snap)[:12]
    recs, seen = [], set()
    cache = {}

    def emit(path, t, label, attack, srv=None):
        key = (t["name"], t["description"])
        if not t["description"] or key in seen or label is None:
            return
        seen.add(key)
        recs.append({"id": f"{group}/{len(recs) + 1}", "group": group, "source": f"{repo}@{c12}:{path}",
                     "license": license, "label": label, "attack": attack, "lang": "en",
                     "synthetic": False, "server": srv or server,
                     "tool": {"name": t["name"], "description": t["description"],
                              "inputSchema": t.get("inputSchema")}})

    by_path = {}
    for path, name, label, attack in selections:
        by_path.setdefault(path, []).append((name, label, attack))
    for path, rules in by_path.items():
        tools = cache.setdefault(path, tools_in(snap, path))
        explicit = {}
        for name, label, attack in rules:
            if name != "*":
                explicit.setdefault(name, []).append((label, attack))
        star = next(((l, a) for n, l, a in rules if n == "*"), None)
        used = {}
        for t in tools:
            n = t["name"]
            if n in explicit:
                i = used.get(n, 0)
                used[n] = i + 1
                lst = explicit[n]
                label, attack = lst[min(i, len(lst) - 1)]
                emit(path, t, label, attack)
            elif star:
                emit(path, t, star[0], star[1])
    for e in extra:
        emit(e["path"], e, e["label"], e["attack"], e.get("server"))
    write_jsonl(out, recs)
    print(f"{len(recs)} records -> {out}")
    return recs
