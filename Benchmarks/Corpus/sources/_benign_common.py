"""Shared stdlib helpers for the benign tool-definition source scripts (mcpguard corpus).

Used by toucan_smithery.py, docker_mcp_registry_head.py, mcp_reference_servers.py, mcp_bench.py ...
Reads fetched git snapshots (bare git dirs under /work/.mirror) with `git`, never runs their code.
"""
import json, os, re, subprocess, unicodedata

MIRROR = "/work/.mirror"


def snap_path(owner_name, arg=None):
    if arg:
        return arg
    return os.path.join(MIRROR, owner_name.replace("/", "+"), "repo")


def git(snap, *args):
    return subprocess.run(["git", "--git-dir", snap, *args], check=True, capture_output=True).stdout


def head(snap):
    return git(snap, "rev-parse", "HEAD").decode().strip()


def ls(snap, *paths, rev="HEAD"):
    out = git(snap, "ls-tree", "-r", "-z", "--name-only", rev, "--", *paths).decode("utf-8", "replace")
    return [p for p in out.split("\0") if p]


def show(snap, path, rev="HEAD"):
    return git(snap, "show", f"{rev}:{path}").decode("utf-8", "replace")


def show_many(snap, paths, rev="HEAD"):
    """Yield (path, text) using one `git cat-file --batch` process."""
    p = subprocess.Popen(["git", "--git-dir", snap, "cat-file", "--batch"], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE)
    for path in paths:
        p.stdin.write(f"{rev}:{path}\n".encode())
        p.stdin.flush()
        hdr = p.stdout.readline().decode()
        parts = hdr.split()
        if len(parts) < 3 or parts[1] == "missing":
            continue
        size = int(parts[2])
        data = p.stdout.read(size)
        p.stdout.read(1)
        yield path, data.decode("utf-8", "replace")
    p.stdin.close()
    p.wait()


# ---------------------------------------------------------------- language guess (heuristic)
_STOP = {
    "en": "the and to of for a in is with this that from by or be are returns get use on an it as",
    "es": "el la de que y en los las para por con una un del se es al lo como más obtener",
    "fr": "le la les de des et pour un une du en est dans avec sur par que qui au aux",
    "de": "der die das und ist mit für von zu den ein eine im auf nicht dem des werden oder",
    "pt": "o a os as de do da dos das para com um uma em no na é que por ou ao",
    "it": "il lo la gli le di del della per con un una che è in da sono dei delle",
    "nl": "de het een en van voor met is op te in dat niet zijn door wordt",
    "tr": "ve bir bu için ile da de olan olarak veya gibi çok kullanıcı",
    "id": "dan yang untuk dengan dari ini atau pada adalah dalam akan",
    "pl": "i w na do z się nie jest dla oraz lub przez",
    "vi": "và của các cho một được trong với là có không những",
}
_STOP = {k: set(v.split()) for k, v in _STOP.items()}


def guess_lang(text):
    if not text:
        return "en"
    counts = {}
    letters = 0
    for ch in text:
        if not ch.isalpha():
            continue
        letters += 1
        o = ord(ch)
        if 0x3040 <= o <= 0x30FF:
            k = "kana"
        elif 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF:
            k = "han"
        elif 0xAC00 <= o <= 0xD7AF or 0x1100 <= o <= 0x11FF:
            k = "ko"
        elif 0x0400 <= o <= 0x04FF:
            k = "cyr"
        elif 0x0600 <= o <= 0x06FF:
            k = "ar"
        elif 0x0590 <= o <= 0x05FF:
            k = "he"
        elif 0x0E00 <= o <= 0x0E7F:
            k = "th"
        elif 0x0370 <= o <= 0x03FF:
            k = "el"
        elif 0x0900 <= o <= 0x097F:
            k = "hi"
        else:
            k = "latin"
        counts[k] = counts.get(k, 0) + 1
    if not letters:
        return "en"
    cjk = counts.get("han", 0) + counts.get("kana", 0)
    # Han characters carry more information than Latin letters: weigh them x3
    if counts.get("kana", 0) >= 2 and cjk * 3 >= 0.3 * letters:
        return "ja"
    if counts.get("han", 0) * 3 >= 0.3 * letters:
        return "zh"
    for k, code in (("ko", "ko"), ("ar", "ar"), ("he", "he"), ("th", "th"), ("el", "el"), ("hi", "hi")):
        if counts.get(k, 0) >= 0.3 * letters:
            return code
    if counts.get("cyr", 0) >= 0.3 * letters:
        return "uk" if re.search(r"[іїєґ]", text.lower()) else "ru"
    words = re.findall(r"[a-zà-ÿœçğışăđơư]+", text.lower())
    if len(words) < 4:
        return "en"
    score = {k: sum(1 for w in words if w in s) for k, s in _STOP.items()}
    best = max(score, key=score.get)
    if best != "en" and score[best] >= 3 and score[best] > 1.5 * score["en"]:
        return best
    return "en"


def schema_text(schema, depth=0):
    """Concatenate property descriptions of a JSON schema (for language guessing / screening)."""
    out = []
    if depth > 6:
        return out
    if isinstance(schema, dict):
        for k, v in schema.items():
            if k in ("description", "title") and isinstance(v, str):
                out.append(v)
            elif isinstance(v, (dict, list)):
                out.extend(schema_text(v, depth + 1))
    elif isinstance(schema, list):
        for v in schema:
            out.extend(schema_text(v, depth + 1))
    return out


# ---------------------------------------------------------------- screening
# Benign groups must not contain tool-poisoning fixtures or openly offensive tools.  These patterns
# flag candidates; flagged records are dropped (and listed by the scripts' --report option).
POISON_PAT = re.compile(
    r"<\s*important\s*>|ignore (all |any )?(previous|prior|above) (instructions|prompts?)|"
    r"do not (tell|inform|mention|reveal)[^.]{0,40}user|don'?t (tell|inform|mention)[^.]{0,40}user|"
    r"without (telling|informing|notifying) the user|id_rsa|\.ssh/|~/\.aws|mcp\.json|"
    r"<\s*(system|secret)\s*>|"
    r"tool poisoning|prompt injection (demo|example|payload)|rug ?pull",
    re.I)
OFFENSIVE_PAT = re.compile(
    r"\b(reverse shell|bind shell|meterpreter|metasploit|keylogger|credential (dump|harvest|steal)\w*|"
    r"steal (credentials|passwords|cookies|tokens)|phishing (page|kit|campaign|site)|sqlmap|hashcat|john the ripper|"
    r"shellcode|(av|antivirus|edr) evasion|bypass (edr|antivirus|av|amsi)|(run|perform|execute)s? (an? )?nmap|masscan|"
    r"nuclei (scan|template)|pentest\w*|penetration test\w*|red[- ]team\w*|launch (a )?ddos|deauth\w*|wifi crack\w*|mimikatz|"
    r"impacket|brute[- ]?forc\w* (login|password|credential|ssh|directories|subdomains)|password crack\w*|"
    r"(generate|create|build)s? (a )?(malicious )?payloads?|malware (generat|build|creat)\w*|exploit (the )?target)\b",
    re.I)


def screen(name, desc, schema):
    text = " ".join([name or "", desc or ""] + schema_text(schema))
    if POISON_PAT.search(text):
        return "poison-like"
    if OFFENSIVE_PAT.search(text):
        return "offensive-like"
    return None


def norm_desc(d):
    if d is None:
        return ""
    if not isinstance(d, str):
        d = str(d)
    return unicodedata.normalize("NFC", d).strip()


class Writer:
    """Collects records, dedupes (name+description) within the group, writes JSONL."""

    def __init__(self, group, license_):
        self.group = group
        self.license = license_
        self.records = []
        self.seen = set()
        self.dropped = []  # (reason, server, name, desc)
        self.allow = set()  # (server, name) pairs exempt from screening (reviewed false positives)

    def add(self, source, server, name, desc, schema, license_=None, allow_screen=False):
        name = (name or "").strip() if isinstance(name, str) else ""
        desc = norm_desc(desc)
        if not name or not desc:
            self.dropped.append(("empty", server, name, desc[:80]))
            return False
        if schema is not None and not isinstance(schema, dict):
            schema = None
        key = (name, desc)
        if key in self.seen:
            self.dropped.append(("duplicate", server, name, desc[:80]))
            return False
        why = None if (allow_screen or (server, name) in self.allow) else screen(name, desc, schema)
        if why:
            self.dropped.append((why, server, name, desc[:300]))
            return False
        self.seen.add(key)
        lang = guess_lang(desc + " " + " ".join(schema_text(schema)[:20]) if schema else desc)
        self.records.append({
            "id": f"{self.group}/{len(self.records) + 1}", "group": self.group, "source": source,
            "license": license_ or self.license, "label": "benign", "attack": None, "lang": lang,
            "synthetic": False, "server": server,
            "tool": {"name": name, "description": desc, "inputSchema": schema}})
        return True

    def write(self, path):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            for r in self.records:
                f.write(json.dumps(r, ensure_ascii=False, sort_keys=False) + "\n")

    def summary(self):
        from collections import Counter
        servers = {r["server"] for r in self.records}
        langs = Counter(r["lang"] for r in self.records)
        drops = Counter(d[0] for d in self.dropped)
        return {"records": len(self.records), "servers": len(servers), "langs": dict(langs.most_common()),
                "dropped": dict(drops)}


# ================================================================ static source extraction
# Python (ast): @x.tool(...) decorated functions (FastMCP style), Tool(name=, description=, inputSchema=)
# calls, dict literals {"name":..., "description":..., "inputSchema":...}.
# JS/TS (small expression parser): server.tool("n", "d", {zod shape}), registerTool("n", {description,
# inputSchema}), object literals {name: "n", description: "d", inputSchema: {...} | zodToJsonSchema(X)}.
import ast

PY_TYPES = {"str": "string", "int": "integer", "float": "number", "bool": "boolean", "list": "array",
            "List": "array", "Sequence": "array", "dict": "object", "Dict": "object", "tuple": "array",
            "Tuple": "array", "set": "array", "Literal": "string"}


def _py_const(node, env=None):
    try:
        return ast.literal_eval(node)
    except Exception:
        pass
    if isinstance(node, ast.JoinedStr):
        out = []
        for v in node.values:
            out.append(str(v.value) if isinstance(v, ast.Constant) else "{" + ast.unparse(v.value) + "}")
        return "".join(out)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        a, b = _py_const(node.left, env), _py_const(node.right, env)
        if isinstance(a, str) and isinstance(b, str):
            return a + b
    if isinstance(node, (ast.Name, ast.Attribute)) and env:
        k = ast.unparse(node)
        if k.endswith(".value"):
            k = k[:-6]
        if k in env:
            return env[k]
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and env
            and node.func.attr in ("model_json_schema", "schema") and ast.unparse(node.func.value) in env.get("__models__", {})):
        return env["__models__"][ast.unparse(node.func.value)]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("strip", "dedent"):
        return _py_const(node.func.value, env)
    if isinstance(node, ast.Call) and ast.unparse(node.func).endswith("dedent") and node.args:
        v = _py_const(node.args[0], env)
        if isinstance(v, str):
            import textwrap
            return textwrap.dedent(v)
    if isinstance(node, ast.Dict):
        out = {}
        for k, v in zip(node.keys, node.values):
            kk = _py_const(k, env) if k is not None else None
            vv = _py_const(v, env)
            if isinstance(kk, str):
                out[kk] = vv
        return out
    if isinstance(node, (ast.List, ast.Tuple)):
        return [_py_const(e, env) for e in node.elts]
    return None


def _py_ann(ann):
    if ann is None:
        return {}
    s = ast.unparse(ann)
    if s.startswith("Annotated["):
        s = s[len("Annotated["):].split(",")[0]
    s = re.sub(r"^(typing\.)", "", s)
    opt = False
    if s.startswith("Optional["):
        s, opt = s[9:-1], True
    if "|" in s:
        parts = [p.strip() for p in s.split("|") if p.strip() != "None"]
        s = parts[0] if parts else "None"
    lit = re.match(r"Literal\[(.*)\]$", s)
    if lit:
        try:
            vals = ast.literal_eval("[" + lit.group(1) + "]")
            return {"type": "string" if all(isinstance(v, str) for v in vals) else "number", "enum": vals}
        except Exception:
            return {"type": "string"}
    base = re.split(r"[\[]", s)[0].split(".")[-1]
    t = PY_TYPES.get(base)
    return {"type": t} if t else {}


def _py_field(call, env):
    """Field(default, description=...) / Annotated[..., Field(description=...)] -> (schema bits, has_default)"""
    out, has_default = {}, False
    if not isinstance(call, ast.Call):
        return out, has_default
    fn = ast.unparse(call.func).split(".")[-1]
    if fn not in ("Field", "Param", "Query", "Body", "Parameter"):
        return out, has_default
    for kw in call.keywords:
        if kw.arg == "description":
            v = _py_const(kw.value, env)
            if isinstance(v, str):
                out["description"] = v
        elif kw.arg == "default":
            has_default = True
            v = _py_const(kw.value, env)
            if isinstance(v, (str, int, float, bool)):
                out["default"] = v
        elif kw.arg == "default_factory":
            has_default = True
    if call.args:
        a0 = call.args[0]
        if not (isinstance(a0, ast.Constant) and a0.value is Ellipsis):
            has_default = True
            v = _py_const(a0, env)
            if isinstance(v, (str, int, float, bool)):
                out["default"] = v
    return out, has_default


def _arg_docs(doc):
    out = {}
    m = re.search(r"(?ms)^\s*(Args|Arguments|Parameters|Params)\s*:?\s*\n(?:\s*-{3,}\s*\n)?(.*?)"
                  r"(?:^\s*(Returns?|Raises|Yields|Examples?|Notes?)\s*:?\s*$|\Z)", doc)
    if not m:
        return out
    cur = None
    for line in m.group(2).splitlines():
        mm = re.match(r"\s*[-*]?\s*`?([A-Za-z_][A-Za-z0-9_]*)`?\s*(\([^)]*\))?\s*:\s*(.*)", line)
        if mm:
            cur = mm.group(1)
            out[cur] = mm.group(3).strip()
        elif cur and line.strip():
            out[cur] = (out[cur] + " " + line.strip()).strip()
    return out


def _is_tool_decorator(d):
    s = ast.unparse(d)
    return bool(re.match(r"^([A-Za-z_][A-Za-z0-9_]*\.)*(tool|add_tool|register_tool)(\(|$)", s))


def _py_func_tool(n, call, env, line=None):
    """Build a tool from a function node; `call` = the decorator / registration call (name=, description=)."""
    name, desc = n.name, None
    if call is not None:
        for kw in call.keywords:
            v = _py_const(kw.value, env)
            if kw.arg == "name" and isinstance(v, str):
                name = v
            if kw.arg == "description" and isinstance(v, str):
                desc = v
        if call.args and isinstance(_py_const(call.args[0], env), str):
            name = _py_const(call.args[0], env)
    doc = ast.get_docstring(n) or ""
    if desc is None:
        desc = doc
    pdoc = _arg_docs(doc)
    props, req = {}, []
    a = n.args
    pos = a.posonlyargs + a.args
    defaults = [None] * (len(pos) - len(a.defaults)) + list(a.defaults)
    for arg, dflt in list(zip(pos, defaults)) + list(zip(a.kwonlyargs, a.kw_defaults)):
        ann = arg.annotation
        if arg.arg in ("self", "cls", "ctx", "context") or (ann is not None and "Context" in ast.unparse(ann)):
            continue
        p = _py_ann(ann)
        has_default = dflt is not None
        if ann is not None and isinstance(ann, ast.Subscript) and ast.unparse(ann.value).endswith("Annotated"):
            elts = ann.slice.elts if isinstance(ann.slice, ast.Tuple) else []
            for e in elts[1:]:
                fb, hd = _py_field(e, env)
                p.update(fb)
                has_default = has_default or hd
                if isinstance(e, ast.Constant) and isinstance(e.value, str):
                    p["description"] = e.value
        if isinstance(dflt, ast.Call):
            fb, hd = _py_field(dflt, env)
            if fb or hd or ast.unparse(dflt.func).endswith("Field"):
                p.update(fb)
                has_default = hd
        elif dflt is not None:
            v = _py_const(dflt, env)
            if isinstance(v, (str, int, float, bool)):
                p["default"] = v
        if "description" not in p and pdoc.get(arg.arg):
            p["description"] = pdoc[arg.arg]
        if not has_default:
            req.append(arg.arg)
        props[arg.arg] = p
    schema = {"type": "object", "properties": props}
    if req:
        schema["required"] = req
    return {"name": name, "description": (desc or "").strip(), "inputSchema": schema, "line": line or n.lineno}


def py_funcs(src):
    """name -> FunctionDef of every function in a Python file (for cross-file `mcp.tool()(module.func)`)."""
    try:
        tree = ast.parse(src)
    except (SyntaxError, ValueError):
        return {}
    return {n.name: n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}


def py_tools(src, extra_funcs=None):
    try:
        tree = ast.parse(src)
    except (SyntaxError, ValueError):
        return []
    env = {"__models__": {}}
    for n in tree.body:
        if isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name):
            v = _py_const(n.value, env)
            if isinstance(v, (str, dict)):
                env[n.targets[0].id] = v
        elif isinstance(n, ast.ClassDef):
            props, req = {}, []
            for b in n.body:
                if isinstance(b, ast.Assign) and len(b.targets) == 1 and isinstance(b.targets[0], ast.Name):
                    v = _py_const(b.value, env)
                    if isinstance(v, str):
                        env[n.name + "." + b.targets[0].id] = v
                elif isinstance(b, ast.AnnAssign) and isinstance(b.target, ast.Name):
                    p = _py_ann(b.annotation)
                    has_default = b.value is not None
                    if isinstance(b.value, ast.Call):
                        fb, hd = _py_field(b.value, env)
                        p.update(fb)
                        has_default = hd
                    elif b.value is not None:
                        v = _py_const(b.value, env)
                        if isinstance(v, (str, int, float, bool)):
                            p["default"] = v
                    if isinstance(b.annotation, ast.Subscript) and ast.unparse(b.annotation.value).endswith("Annotated"):
                        elts = b.annotation.slice.elts if isinstance(b.annotation.slice, ast.Tuple) else []
                        for e in elts[1:]:
                            fb, hd = _py_field(e, env)
                            p.update(fb)
                            has_default = has_default or hd
                    props[b.target.id] = p
                    if not has_default:
                        req.append(b.target.id)
            if props and any("Model" in ast.unparse(x) for x in n.bases):
                sch = {"type": "object", "properties": props, "title": n.name}
                if req:
                    sch["required"] = req
                doc = ast.get_docstring(n)
                if doc:
                    sch["description"] = doc
                env["__models__"][n.name] = sch
    found = []
    local_funcs = {}
    for n in ast.walk(tree):
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)):
            local_funcs.setdefault(n.name, n)
    for n in ast.walk(tree):
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)):
            decs = [d for d in n.decorator_list if _is_tool_decorator(d)]
            if not decs:
                continue
            found.append(_py_func_tool(n, decs[0] if isinstance(decs[0], ast.Call) else None, env))
        elif (isinstance(n, ast.Call) and isinstance(n.func, ast.Call) and _is_tool_decorator(n.func.func)
              and n.args):
            # mcp.tool(name=...)(func)
            fname = ast.unparse(n.args[0]).split(".")[-1]
            fn = local_funcs.get(fname) or (extra_funcs or {}).get(fname)
            if fn is not None:
                found.append(_py_func_tool(fn, n.func, env, n.lineno))
        elif (isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr in ("add_tool", "register_tool")
              and n.args and isinstance(n.args[0], (ast.Name, ast.Attribute))):
            fname = ast.unparse(n.args[0]).split(".")[-1]
            fn = local_funcs.get(fname) or (extra_funcs or {}).get(fname)
            if fn is not None:
                found.append(_py_func_tool(fn, n, env, n.lineno))
        elif isinstance(n, ast.Call) and ast.unparse(n.func).split(".")[-1] == "Tool":
            kw = {k.arg: k.value for k in n.keywords if k.arg}
            name = _py_const(kw["name"], env) if "name" in kw else None
            desc = _py_const(kw["description"], env) if "description" in kw else None
            if isinstance(name, str) and isinstance(desc, str):
                sch = None
                for key in ("inputSchema", "input_schema", "parameters"):
                    if key in kw:
                        v = _py_const(kw[key], env)
                        if isinstance(v, dict):
                            sch = v
                found.append({"name": name, "description": desc.strip(), "inputSchema": sch, "line": n.lineno})
        elif isinstance(n, ast.Dict):
            keys = [_py_const(k) if k is not None else None for k in n.keys]
            if "name" in keys and "description" in keys and ("inputSchema" in keys or "input_schema" in keys
                                                               or "parameters" in keys):
                d = dict(zip(keys, n.values))
                name, desc = _py_const(d["name"], env), _py_const(d["description"], env)
                if isinstance(name, str) and isinstance(desc, str) and re.fullmatch(r"[A-Za-z0-9_.\-]{2,80}", name):
                    sch = None
                    for key in ("inputSchema", "input_schema", "parameters"):
                        if key in d:
                            v = _py_const(d[key], env)
                            if isinstance(v, dict):
                                sch = v
                    found.append({"name": name, "description": desc.strip(), "inputSchema": sch, "line": n.lineno})
    found.sort(key=lambda r: r["line"])
    return found


# ---------------------------------------------------------------- JS / TS
class _Unknown:
    def __init__(self, text=""):
        self.text = text


class _Zod:
    def __init__(self, kind, args):
        self.kind, self.args, self.mods = kind, args, []


class _Ref:
    def __init__(self, name, call=None):
        self.name, self.call = name, call


_TOK = re.compile(r"""\s*(?:(//[^\n]*|/\*.*?\*/)|("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`)|"""
                  r"""(-?\d+(?:\.\d+)?(?:e-?\d+)?)|([A-Za-z_$][\w$]*)|(\.\.\.|=>|[{}\[\]():,.?!+*/|&<>=-]))""", re.S)


def _js_tokens(src, start=0, limit=200000):
    i, n, out = start, min(len(src), start + limit), []
    while i < n:
        m = _TOK.match(src, i)
        if not m:
            i += 1
            continue
        i = m.end()
        if m.group(1):
            continue
        if m.group(2):
            out.append(("s", m.group(2), m.start(2)))
        elif m.group(3):
            out.append(("n", m.group(3), m.start(3)))
        elif m.group(4):
            out.append(("i", m.group(4), m.start(4)))
        else:
            out.append(("p", m.group(5), m.start(5)))
    return out


def js_unquote(s):
    q, body = s[0], s[1:-1]
    if q == "`":
        if "${" in body:
            body = re.sub(r"\$\{([^}]*)\}", r"{\1}", body)
        return body.replace("\\`", "`").replace("\\n", "\n").replace("\\\\", "\\")
    try:
        if q == "'":
            body = body.replace("\\'", "'").replace('"', '\\"')
        return json.loads('"' + body + '"')
    except Exception:
        return body.replace("\\n", "\n").replace("\\" + q, q)


class _JSParser:
    def __init__(self, toks):
        self.t, self.i = toks, 0

    def peek(self, k=0):
        return self.t[self.i + k] if self.i + k < len(self.t) else ("e", "", -1)

    def eat(self, v=None):
        tok = self.peek()
        if v is not None and tok[1] != v:
            raise ValueError(f"expected {v} got {tok[1]}")
        self.i += 1
        return tok

    def skip_balanced(self):
        depth = 0
        while self.peek()[0] != "e":
            v = self.peek()[1]
            if v in "([{" and self.peek()[0] == "p":
                depth += 1
            elif v in ")]}" and self.peek()[0] == "p":
                if depth == 0:
                    return
                depth -= 1
            elif v == "," and depth == 0:
                return
            self.i += 1

    def expr(self):
        v = self.primary()
        while True:
            tok = self.peek()
            if tok[1] == "+" and tok[0] == "p":
                self.eat()
                r = self.primary()
                if isinstance(v, str) and isinstance(r, str):
                    v = v + r
                else:
                    v = _Unknown("concat")
            elif tok[1] in ("as", "satisfies") and tok[0] == "i":
                self.eat()
                self.type_expr()
            elif tok[1] in ("?", "||", "&&", "??", "|", "&") and tok[0] == "p":
                self.skip_balanced()
                return _Unknown("cond") if not isinstance(v, str) else v
            else:
                return v

    def type_expr(self):
        depth = 0
        while self.peek()[0] != "e":
            tok = self.peek()
            if tok[0] == "p" and tok[1] in "([{<":
                depth += 1
            elif tok[0] == "p" and tok[1] in ")]}>":
                if depth == 0:
                    return
                depth -= 1
            elif tok[0] == "p" and tok[1] == "," and depth == 0:
                return
            self.i += 1

    def args(self):
        self.eat("(")
        out = []
        while self.peek()[1] != ")":
            if self.peek()[0] == "e":
                raise ValueError("eof")
            save = self.i
            try:
                out.append(self.expr())
            except (ValueError, IndexError):
                self.i = save
                out.append(_Unknown("arg"))
                self.skip_balanced()
            if self.peek()[1] not in (",", ")"):
                self.skip_balanced()
            if self.peek()[1] == ",":
                self.eat()
            elif self.peek()[1] != ")":
                raise ValueError("unbalanced call arguments")
            if self.i == save:
                raise ValueError("no progress")
        self.eat(")")
        return out

    def primary(self):
        tok = self.peek()
        if tok[0] == "s":
            self.eat()
            v = js_unquote(tok[1])
            return self.postfix(v)
        if tok[0] == "n":
            self.eat()
            return float(tok[1]) if "." in tok[1] or "e" in tok[1] else int(tok[1])
        if tok[0] == "p" and tok[1] == "{":
            return self.postfix(self.obj())
        if tok[0] == "p" and tok[1] == "[":
            self.eat()
            arr = []
            while self.peek()[1] != "]":
                if self.peek()[0] == "e":
                    raise ValueError("eof")
                if self.peek()[1] == "...":
                    self.eat()
                    self.expr()
                else:
                    arr.append(self.expr())
                if self.peek()[1] == ",":
                    self.eat()
            self.eat("]")
            return self.postfix(arr)
        if tok[0] == "p" and tok[1] == "(":
            self.skip_paren()
            if self.peek()[1] == "=>":
                self.eat()
                if self.peek()[1] == "{":
                    self.skip_brace()
                else:
                    self.skip_balanced()
                return _Unknown("fn")
            return _Unknown("paren")
        if tok[0] == "p" and tok[1] == "-" and self.peek(1)[0] == "n":
            self.eat()
            n = self.eat()[1]
            return -(float(n) if "." in n else int(n))
        if tok[0] == "i":
            self.eat()
            name = tok[1]
            if name in ("true", "false"):
                return name == "true"
            if name in ("null", "undefined"):
                return None
            if name in ("async", "function", "new", "await"):
                if self.peek()[1] == "(" or name == "function":
                    return self.primary() if name != "function" else self.skip_fn()
                return self.primary()
            if self.peek()[1] == "=>":
                self.eat()
                if self.peek()[1] == "{":
                    self.skip_brace()
                else:
                    self.skip_balanced()
                return _Unknown("fn")
            # dotted chain / calls
            chain = [name]
            calls = []
            while True:
                p = self.peek()
                if p[1] == "." and p[0] == "p":
                    self.eat()
                    chain.append(self.eat()[1])
                elif p[1] == "?" and self.peek(1)[1] == ".":
                    self.eat(); self.eat()
                    chain.append(self.eat()[1])
                elif p[1] == "(" and p[0] == "p":
                    calls.append((len(chain), self.args()))
                elif p[1] == "[" and p[0] == "p":
                    self.skip_bracket()
                    chain.append("[]")
                elif p[1] == "<" and len(chain) == 1 and not calls:
                    # generic call foo<T>(...)
                    save = self.i
                    try:
                        self.type_expr_angle()
                    except Exception:
                        self.i = save
                        break
                elif p[1] == "!" and p[0] == "p":
                    self.eat()
                else:
                    break
            return self.build(chain, calls)
        raise ValueError(f"unexpected {tok}")

    def type_expr_angle(self):
        self.eat("<")
        depth = 1
        while depth and self.peek()[0] != "e":
            v = self.eat()[1]
            if v == "<":
                depth += 1
            elif v == ">":
                depth -= 1
        if self.peek()[1] != "(":
            raise ValueError("not generic call")

    def skip_fn(self):
        while self.peek()[1] != "{" and self.peek()[0] != "e":
            self.eat()
        self.skip_brace()
        return _Unknown("fn")

    def _skip(self, o, c):
        depth = 0
        while self.peek()[0] != "e":
            v = self.eat()
            if v[0] == "p" and v[1] == o:
                depth += 1
            elif v[0] == "p" and v[1] == c:
                depth -= 1
                if depth == 0:
                    return

    def skip_brace(self):
        self._skip("{", "}")

    def skip_paren(self):
        self._skip("(", ")")

    def skip_bracket(self):
        self._skip("[", "]")

    def postfix(self, v):
        # "str".trim(), [..].join(" "), {..}.shape etc.
        while self.peek()[1] == "." and self.peek()[0] == "p":
            self.eat()
            meth = self.eat()[1]
            a = self.args() if self.peek()[1] == "(" else []
            if meth == "join" and isinstance(v, list) and all(isinstance(x, str) for x in v):
                v = (a[0] if a and isinstance(a[0], str) else ",").join(v)
            elif meth in ("trim", "trimStart", "trimEnd") and isinstance(v, str):
                v = v.strip()
            else:
                v = _Unknown("postfix")
        return v

    def build(self, chain, calls):
        if chain[0] == "z" and calls:
            # z.kind(args).mod(args)...
            first_call = calls[0]
            kind = chain[first_call[0] - 1]
            node = _Zod(kind, first_call[1])
            ci = 1
            for idx in range(first_call[0], len(chain)):
                margs = []
                if ci < len(calls) and calls[ci][0] == idx + 1:
                    margs = calls[ci][1]
                    ci += 1
                node.mods.append((chain[idx], margs))
            return node
        if calls:
            return _Ref(".".join(chain[:calls[0][0]]), calls[0][1])
        return _Ref(".".join(chain))

    def obj(self):
        self.eat("{")
        out = {}
        while self.peek()[1] != "}":
            tok = self.peek()
            if tok[0] == "e":
                raise ValueError("eof")
            if tok[1] == "...":
                self.eat()
                v = self.expr()
                if isinstance(v, dict):
                    out.update(v)
                elif isinstance(v, _Ref):
                    out.setdefault("__spread__", []).append(v)
            else:
                if tok[0] == "i" and tok[1] in ("async", "get", "set", "static") and self.peek(1)[0] == "i":
                    self.eat()
                    tok = self.peek()
                if tok[0] == "p" and tok[1] == "*":
                    self.eat()
                    tok = self.peek()
                if tok[0] in ("s", "i", "n"):
                    self.eat()
                    key = js_unquote(tok[1]) if tok[0] == "s" else tok[1]
                elif tok[1] == "[":
                    self.skip_bracket()
                    key = "__computed__"
                else:
                    raise ValueError(f"bad key {tok}")
                if self.peek()[1] == "?":
                    self.eat()
                if self.peek()[1] == ":":
                    self.eat()
                    out[key] = self.expr()
                elif self.peek()[1] == "(":  # method
                    self.skip_paren()
                    if self.peek()[1] == ":":
                        self.eat(); self.type_expr()
                    self.skip_brace()
                    out[key] = _Unknown("method")
                else:  # shorthand
                    out[key] = _Ref(key)
            if self.peek()[1] == ",":
                self.eat()
            elif self.peek()[1] != "}":
                raise ValueError(f"expected , got {self.peek()}")
        self.eat("}")
        return out


def js_parse_at(src, pos):
    """Parse one JS expression starting at character offset pos; None on failure."""
    toks = _js_tokens(src, pos, 60000)
    p = _JSParser(toks)
    try:
        return p.expr()
    except (ValueError, IndexError, RecursionError):
        return None


def _zod_to_schema(node, defs, depth=0):
    """Return (schema, optional)."""
    if depth > 12:
        return {}, False
    if isinstance(node, _Ref):
        base = node.name.split(".")[0]
        if base in defs and defs[base] is not node:
            sch, opt = _zod_to_schema(defs[base], defs, depth + 1)
            # chained .optional()/.describe() on a reference
            return sch, opt
        return {}, False
    if isinstance(node, dict):
        return _plain_or_shape(node, defs, depth), False
    if not isinstance(node, _Zod):
        return {}, False
    k, a = node.kind, node.args
    sch, opt = {}, False
    if k in ("string", "email", "url", "uuid", "datetime", "date"):
        sch = {"type": "string"}
    elif k in ("number", "bigint"):
        sch = {"type": "number"}
    elif k == "int":
        sch = {"type": "integer"}
    elif k == "boolean":
        sch = {"type": "boolean"}
    elif k == "array" and a:
        items, _ = _zod_to_schema(a[0], defs, depth + 1)
        sch = {"type": "array", "items": items}
    elif k in ("object", "strictObject", "looseObject") and a and isinstance(a[0], dict):
        sch = _shape_to_schema(a[0], defs, depth + 1)
    elif k == "enum" and a and isinstance(a[0], list):
        sch = {"type": "string", "enum": [x for x in a[0] if isinstance(x, (str, int))]}
    elif k == "nativeEnum":
        sch = {"type": "string"}
    elif k == "literal" and a and isinstance(a[0], (str, int, float, bool)):
        sch = {"const": a[0]}
    elif k in ("union", "discriminatedUnion") and a:
        lst = a[-1] if isinstance(a[-1], list) else []
        sch = {"anyOf": [_zod_to_schema(x, defs, depth + 1)[0] for x in lst]}
    elif k == "record":
        sch = {"type": "object"}
    elif k in ("any", "unknown"):
        sch = {}
    elif k in ("coerce",):
        sch = {}
    else:
        sch = {}
    for m, margs in node.mods:
        if m == "describe" and margs and isinstance(margs[0], str):
            sch["description"] = margs[0]
        elif m in ("optional", "nullish"):
            opt = True
        elif m == "default":
            opt = True
            if margs and isinstance(margs[0], (str, int, float, bool)):
                sch["default"] = margs[0]
        elif m in ("number", "string", "boolean") and k == "coerce":
            sch["type"] = m
        elif m == "int":
            sch["type"] = "integer"
        elif m == "array":
            sch = {"type": "array", "items": sch}
        elif m == "extend" and margs and isinstance(margs[0], dict):
            ext = _shape_to_schema(margs[0], defs, depth + 1)
            sch.setdefault("properties", {}).update(ext.get("properties", {}))
            if ext.get("required"):
                sch["required"] = sorted(set(sch.get("required", [])) | set(ext["required"]))
    return sch, opt


def _shape_to_schema(shape, defs, depth=0):
    props, req = {}, []
    for key, v in shape.items():
        if key == "__spread__":
            for ref in v:
                base = defs.get(ref.name.split(".")[0])
                if isinstance(base, _Zod) and base.args and isinstance(base.args[0], dict):
                    sub = _shape_to_schema(base.args[0], defs, depth + 1)
                    props.update(sub.get("properties", {}))
                    req.extend(sub.get("required", []))
                elif isinstance(base, dict):
                    sub = _shape_to_schema(base, defs, depth + 1)
                    props.update(sub.get("properties", {}))
                    req.extend(sub.get("required", []))
            continue
        if key == "__computed__":
            continue
        s, opt = _zod_to_schema(v, defs, depth + 1)
        props[key] = s
        if not opt:
            req.append(key)
    out = {"type": "object", "properties": props}
    if req:
        out["required"] = req
    return out


def _jsonable(v):
    if isinstance(v, dict):
        out = {}
        for k, x in v.items():
            if k.startswith("__"):
                continue
            j = _jsonable(x)
            if j is _BAD:
                return _BAD
            out[k] = j
        return out
    if isinstance(v, list):
        out = [_jsonable(x) for x in v]
        return _BAD if any(x is _BAD for x in out) else out
    if isinstance(v, (str, int, float, bool)) or v is None:
        return v
    return _BAD


_BAD = object()


def _plain_or_shape(d, defs, depth=0):
    """A JS object given as inputSchema: plain JSON schema literal, or a zod shape."""
    if any(isinstance(x, (_Zod, _Ref)) for x in d.values()) and "type" not in d and "properties" not in d:
        return _shape_to_schema(d, defs, depth)
    j = _jsonable(d)
    if j is not _BAD:
        return j
    # partly resolvable plain schema: resolve nested zod/refs where possible
    out = {}
    for k, x in d.items():
        if k.startswith("__"):
            continue
        if isinstance(x, dict):
            out[k] = _plain_or_shape(x, defs, depth + 1)
        elif isinstance(x, (_Zod, _Ref)):
            s, _ = _zod_to_schema(x, defs, depth + 1)
            if isinstance(x, _Ref) and not s:
                continue
            out[k] = s
        else:
            j = _jsonable(x)
            if j is not _BAD:
                out[k] = j
    return out


def _schema_from(v, defs):
    if v is None:
        return None
    if isinstance(v, dict):
        s = _plain_or_shape(v, defs)
        return s if s else None
    if isinstance(v, _Zod):
        s, _ = _zod_to_schema(v, defs)
        return s or None
    if isinstance(v, _Ref):
        # zodToJsonSchema(X) / toJsonSchema(X) / X.shape / X
        if v.call:
            for a in v.call:
                s = _schema_from(a, defs)
                if s:
                    return s
            return None
        segs = [x for x in v.name.split(".") if x not in ("shape", "schema")]
        for base in segs[:1] + segs[-1:]:
            if base in defs and defs[base] is not v:
                return _schema_from(defs[base], defs)
    return None


_DECL = re.compile(r"(?:^|[\s;])(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::\s*[^=\n]+)?=\s*")


def js_defs(src):
    defs = {}
    for m in _DECL.finditer(src):
        nxt = src[m.end():m.end() + 40]
        if not (nxt.startswith("z.") or nxt.startswith("{") or nxt.startswith("[") or nxt[:1] in "\"'`"):
            continue
        v = js_parse_at(src, m.end())
        if v is not None and not isinstance(v, _Unknown):
            defs[m.group(1)] = v
    return defs


_JS_NAME_OK = re.compile(r"[A-Za-z0-9_.\-/:]{1,100}")


def _str_of(v, defs):
    if isinstance(v, str):
        return v
    if isinstance(v, _Ref) and not v.call:
        d = defs.get(v.name)
        if isinstance(d, str):
            return d
    return None


def js_tools(src, extra_defs=None):
    defs = dict(extra_defs or {})
    defs.update(js_defs(src))
    found = []
    seen_pos = set()
    # 1) server.tool("name", "desc"?, shape?, ...) / registerTool("name", {...}) / server.addTool({...})
    for m in re.finditer(r"(?:\.\s*|\b)(tool|registerTool|addTool|createTool|defineTool|defineTabTool|makeTool|accountTool|[a-z][A-Za-z]*Tool)\s*(?:<[^>()]*>)?\s*\(", src):
        if m.group(0)[0] != "." and m.group(1) == "tool":
            continue
        args = js_parse_at(src, m.end() - 1)
        # parse as call args: wrap
        toks = _js_tokens(src, m.end() - 1, 60000)
        p = _JSParser(toks)
        try:
            args = p.args()
        except (ValueError, IndexError, RecursionError):
            continue
        if not args:
            continue
        name = desc = schema = None
        if m.group(1) == "tool" and isinstance(_str_of(args[0], defs), str):
            name = _str_of(args[0], defs)
            rest = args[1:]
            if rest and isinstance(_str_of(rest[0], defs), str):
                desc = _str_of(rest[0], defs)
                rest = rest[1:]
            if rest and isinstance(rest[0], (dict, _Zod, _Ref)):
                schema = _schema_from(rest[0], defs)
        elif isinstance(_str_of(args[0], defs), str) and len(args) > 1 and (
                isinstance(args[1], dict) or (isinstance(args[1], _Ref) and isinstance(defs.get(args[1].name), dict))):
            name = _str_of(args[0], defs)
            cfg = args[1] if isinstance(args[1], dict) else defs[args[1].name]
            desc = _str_of(cfg.get("description"), defs)
            schema = _schema_from(cfg.get("inputSchema", cfg.get("parameters")), defs)
        elif isinstance(args[0], dict) or (isinstance(args[0], _Ref) and isinstance(defs.get(args[0].name), dict)):
            cfg = args[0] if isinstance(args[0], dict) else defs[args[0].name]
            name = _str_of(cfg.get("name"), defs)
            desc = _str_of(cfg.get("description"), defs)
            schema = _schema_from(cfg.get("inputSchema", cfg.get("parameters", cfg.get("schema"))), defs)
        if name and desc and _JS_NAME_OK.fullmatch(name):
            found.append({"name": name, "description": desc.strip(), "inputSchema": schema,
                          "line": src.count("\n", 0, m.start()) + 1})
            seen_pos.add(m.start())
    # 1b) AI-SDK style  key: tool({ description, parameters })  /  key: injectableTool({...})
    for m in re.finditer(r"([A-Za-z_$][\w$]*|\"[^\"]+\"|'[^']+')\s*:\s*(?:[a-zA-Z]*[tT]ool)\s*\(\s*\{", src):
        v = js_parse_at(src, m.end() - 1)
        if not isinstance(v, dict):
            continue
        name = m.group(1).strip("\"'")
        desc = _str_of(v.get("description"), defs)
        if name and desc and _JS_NAME_OK.fullmatch(name):
            schema = _schema_from(v.get("parameters", v.get("inputSchema")), defs)
            found.append({"name": name, "description": desc.strip(), "inputSchema": schema,
                          "line": src.count("\n", 0, m.start()) + 1})
    # 2) object literals with name + description (+ inputSchema/parameters)
    for m in re.finditer(r"\{\s*(?:(?://[^\n]*|/\*.*?\*/)\s*)*[\"']?name[\"']?\s*:", src):
        v = js_parse_at(src, m.start())
        if not isinstance(v, dict):
            continue
        name, desc = _str_of(v.get("name"), defs), _str_of(v.get("description"), defs)
        if not (name and desc and _JS_NAME_OK.fullmatch(name)):
            continue
        if not any(k in v for k in ("inputSchema", "input_schema", "parameters", "schema", "handler", "execute",
                                    "annotations", "args")):
            continue
        schema = _schema_from(v.get("inputSchema", v.get("input_schema", v.get("parameters", v.get("schema")))), defs)
        found.append({"name": name, "description": desc.strip(), "inputSchema": schema,
                      "line": src.count("\n", 0, m.start()) + 1})
    found.sort(key=lambda r: r["line"])
    return found


def is_js(path):
    return bool(re.search(r"\.(ts|js|mjs|cjs|tsx|mts)$", path)) and not path.endswith(".d.ts")


def source_tools(path, text, extra_defs=None):
    """extra_defs: JS declarations gathered from sibling files (see js_defs), for cross-file schemas."""
    if path.endswith(".py"):
        return py_tools(text, extra_defs)
    if is_js(path):
        return js_tools(text, extra_defs)
    return []


SRC_SKIP = re.compile(r"(^|/)(tests?|__tests__|__mocks__|spec|specs|node_modules|dist|build|website|docs|examples?|"
                      r"fixtures?|scripts|benchmarks?|e2e|evals?)/|\.(test|spec)\.[jt]sx?$|(^|/)test_[^/]*\.py$|"
                      r"_test\.py$|\.d\.ts$|\.min\.js$")


def licence_name(text):
    t = text.strip()[:400]
    for pat, name in ((r"MIT License|The MIT License|Permission is hereby granted, free of charge", "MIT"),
                      (r"Apache License", "Apache-2.0"),
                      (r"BSD 3-Clause|Redistribution and use in source and binary forms, with or without modification, are permitted provided that the following conditions are met:\s+1\.[^2]+2\.[^3]+3\.", "BSD-3-Clause"),
                      (r"BSD 2-Clause", "BSD-2-Clause"), (r"ISC License", "ISC"), (r"Mozilla Public License", "MPL-2.0"),
                      (r"unlicense|This is free and unencumbered software", "Unlicense"),
                      (r"GNU AFFERO", "AGPL-3.0"), (r"GNU LESSER", "LGPL"), (r"GNU GENERAL PUBLIC LICENSE", "GPL"),
                      (r"PUBLIC DOMAIN NOTICE", "Public-Domain")):
        if re.search(pat, text[:3000], re.I):
            return name
    return None


def extract_source_tree(w, snap, repo, rev, paths, server_of, license_of, skip=SRC_SKIP):
    """Statically extract tools from every .py/.ts/.js file in `paths`; server_of(path) -> server or None."""
    paths = [p for p in paths if not skip.search(p) and re.search(r"\.(py|ts|js|mjs|mts)$", p) and server_of(p)]
    texts = dict(show_many(snap, paths, rev=rev))
    sdefs, sfuncs = {}, {}
    for path, text in texts.items():
        if is_js(path) and "z." in text:
            sdefs.setdefault(server_of(path), {}).update(js_defs(text))
        elif path.endswith(".py") and re.search(r"\.tool\([^)]*\)\(|add_tool\(|register_tool\(", text):
            sfuncs[server_of(path)] = True
    for path, text in texts.items():
        if path.endswith(".py") and sfuncs.get(server_of(path)) is True or isinstance(sfuncs.get(server_of(path)), dict):
            if sfuncs.get(server_of(path)) is True:
                sfuncs[server_of(path)] = {}
            if path.endswith(".py"):
                for k, v in py_funcs(text).items():
                    sfuncs[server_of(path)].setdefault(k, v)
    n = 0
    for path, text in sorted(texts.items()):
        if len(text) > 400000:
            continue
        server = server_of(path)
        extra = sfuncs.get(server) if path.endswith(".py") else sdefs.get(server)
        for t in source_tools(path, text, extra if isinstance(extra, dict) else None):
            if w.add(f"{repo}@{rev[:12]}:{path}", server, t["name"], t["description"], t["inputSchema"],
                     license_=license_of(server)):
                n += 1
    return n


# ---------------------------------------------------------------- Go (mcp-go NewTool / grafana MustTool)
_GO_STR = r'(?:"(?:[^"\\\n]|\\.)*"|`[^`]*`)'


def _go_unquote(s):
    if s[0] == "`":
        return s[1:-1]
    try:
        return json.loads(s)
    except Exception:
        return s[1:-1]


def _go_strexpr(src, pos):
    """Read "a" + "b" + `c` at pos (whitespace/newlines allowed) -> (value|None, end)."""
    parts, i = [], pos
    while True:
        m = re.compile(r"\s*(" + _GO_STR + r")").match(src, i)
        if not m:
            break
        parts.append(_go_unquote(m.group(1)))
        i = m.end()
        m2 = re.compile(r"\s*\+\s*(?://[^\n]*\n\s*)*").match(src, i)
        if not m2 or not re.compile(r"\s*" + _GO_STR).match(src, m2.end()):
            break
        i = m2.end()
    return ("".join(parts) if parts else None), i


def _go_balanced(src, pos):
    """src[pos] == '(' -> index after the matching ')' (strings/comments aware)."""
    depth, i, n = 0, pos, len(src)
    while i < n:
        c = src[i]
        if c in "\"`'":
            m = re.compile(r'"(?:[^"\\\n]|\\.)*"|`[^`]*`|\'(?:[^\'\\]|\\.)*\'').match(src, i)
            i = m.end() if m else i + 1
            continue
        if src.startswith("//", i):
            j = src.find("\n", i)
            i = n if j < 0 else j
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return n


_GO_TYPES = {"string": "string", "bool": "boolean", "int": "integer", "int64": "integer", "int32": "integer",
             "uint": "integer", "float64": "number", "float32": "number"}


def go_structs(src):
    """type X struct {...} -> JSON schema from json / jsonschema tags."""
    out = {}
    for m in re.finditer(r"type\s+(\w+)\s+struct\s*\{", src):
        body_start = m.end()
        depth, i = 1, body_start
        while i < len(src) and depth:
            if src[i] == "{":
                depth += 1
            elif src[i] == "}":
                depth -= 1
            i += 1
        body = src[body_start:i - 1]
        props, req = {}, []
        for fm in re.finditer(r"(?m)^\s*(\w+)\s+([\w.\[\]*]+)\s+`([^`]*)`", body):
            tag = fm.group(3)
            jm = re.search(r'json:"([^",]*)', tag)
            if not jm or jm.group(1) in ("", "-"):
                continue
            pname = jm.group(1)
            gt = fm.group(2).lstrip("*")
            p = {}
            if gt.startswith("[]"):
                p["type"] = "array"
            elif gt in _GO_TYPES:
                p["type"] = _GO_TYPES[gt]
            elif gt.startswith("map["):
                p["type"] = "object"
            sm = re.search(r'jsonschema:"((?:[^"\\]|\\.)*)"', tag)
            if sm:
                js = sm.group(1)
                dm = re.search(r"description=((?:[^,\\]|\\.)*(?:,(?!\s*(?:required|enum|default|minimum|maximum)\b)(?:[^,\\]|\\.)*)*)", js)
                if dm:
                    p["description"] = dm.group(1).replace("\\,", ",").strip()
                if re.search(r"(^|,)required(,|$)", js):
                    req.append(pname)
            if 'omitempty' not in tag and pname not in req and sm is None:
                pass
            props[pname] = p
        sch = {"type": "object", "properties": props}
        if req:
            sch["required"] = req
        out[m.group(1)] = sch
    return out


_GO_CONST = re.compile(r"(?m)^\s*(?:const\s+)?(\w+)\s*(?:string\s*)?=\s*(\"(?:[^\"\\\n]|\\.)*\"|`[^`]*`)\s*$")


def go_consts(src):
    return {m.group(1): _go_unquote(m.group(2)) for m in _GO_CONST.finditer(src)}


def _go_name(body, consts):
    v, _ = _go_strexpr(body, 0)
    if v:
        return v
    m = re.match(r"\s*([\w.]+)\s*,", body)
    if m:
        return consts.get(m.group(1).split(".")[-1])
    return None


def go_tools(src, extra=None):
    found = []
    consts = dict((extra or {}).get("consts", {}))
    consts.update(go_consts(src))
    structs = dict((extra or {}).get("structs", {}))
    structs.update(go_structs(src))
    funcs = dict((extra or {}).get("funcs", {}))
    for m in re.finditer(r"func\s+(\w+)\s*\([^)]*?\b\w+\s+\*?(\w+)\s*\)", src):
        funcs.setdefault(m.group(1), m.group(2))
    # grafana-style: MustTool("name", "description", handler, ...) / ConvertTool(...)
    for m in re.finditer(r"\b(MustTool|ConvertTool|NewToolWithHandler)\s*(?:\[[^\]]*\])?\s*\(", src):
        name, i = _go_strexpr(src, m.end())
        if not name:
            continue
        cm = re.compile(r"\s*,\s*(?://[^\n]*\n\s*)*").match(src, i)
        if not cm:
            continue
        desc, j = _go_strexpr(src, cm.end())
        if not desc:
            continue
        hm = re.compile(r"\s*,\s*(\w+)").match(src, j)
        schema = None
        if hm and hm.group(1) in funcs and funcs[hm.group(1)] in structs:
            schema = structs[funcs[hm.group(1)]]
        found.append({"name": name, "description": desc.strip(), "inputSchema": schema,
                      "line": src.count("\n", 0, m.start()) + 1})
    # mcp-go: mcp.NewTool("name", mcp.WithDescription("..."), mcp.WithString("p", mcp.Required(), mcp.Description("..."))...)
    for m in re.finditer(r"\bmcp\.NewTool\s*\(", src):
        end = _go_balanced(src, m.end() - 1)
        body = src[m.end():end - 1]
        name = _go_name(body, consts)
        if not name:
            continue
        dm = re.search(r"WithDescription\s*\(", body)
        if not dm:
            continue
        desc, _ = _go_strexpr(body, dm.end())
        if not desc:
            continue
        props, req = {}, []
        for pm in re.finditer(r"mcp\.With(String|Number|Boolean|Array|Object)\s*\(", body):
            pend = _go_balanced(body, pm.end() - 1)
            pbody = body[pm.end():pend - 1]
            pname, k = _go_strexpr(pbody, 0)
            if not pname:
                continue
            p = {"type": pm.group(1).lower()}
            pd = re.search(r"mcp\.Description\s*\(", pbody)
            if pd:
                dv, _ = _go_strexpr(pbody, pd.end())
                if dv:
                    p["description"] = dv
            en = re.search(r"mcp\.Enum\s*\(", pbody)
            if en:
                vals = re.findall(_GO_STR, pbody[en.end():_go_balanced(pbody, en.end() - 1)])
                p["enum"] = [_go_unquote(v) for v in vals]
            if re.search(r"mcp\.Required\s*\(\s*\)", pbody):
                req.append(pname)
            props[pname] = p
        schema = {"type": "object", "properties": props}
        if req:
            schema["required"] = req
        found.append({"name": name, "description": desc.strip(), "inputSchema": schema,
                      "line": src.count("\n", 0, m.start()) + 1})
    for m in re.finditer(r"\b(?:mcp|api|server|protocol)\.Tool\s*\{", src):
        seg = src[m.end():m.end() + 6000]
        nm = re.search(r"\bName\s*:\s*", seg)
        dm = re.search(r"\bDescription\s*:\s*", seg)
        if not nm or not dm:
            continue
        name, _ = _go_strexpr(seg, nm.end())
        if not name:
            mm = re.match(r"([\w.]+)", seg[nm.end():])
            name = consts.get(mm.group(1).split(".")[-1]) if mm else None
        desc, _ = _go_strexpr(seg, dm.end())
        if not (name and desc):
            continue
        props, req = {}, []
        im = re.search(r"\bInputSchema\s*:", seg)
        if im:
            pseg = seg[im.end():]
            for pm in re.finditer(r"\"(\w+)\"\s*:\s*\{\s*Type\s*:\s*\"(\w+)\"\s*,\s*Description\s*:\s*(" + _GO_STR + r")", pseg):
                props[pm.group(1)] = {"type": pm.group(2), "description": _go_unquote(pm.group(3))}
            rm = re.search(r"Required\s*:\s*\[\]string\s*\{([^}]*)\}", pseg)
            if rm:
                req = [_go_unquote(x) for x in re.findall(_GO_STR, rm.group(1))]
        schema = {"type": "object", "properties": props}
        if req:
            schema["required"] = req
        found.append({"name": name, "description": desc.strip(), "inputSchema": schema if props else None,
                      "line": src.count("\n", 0, m.start()) + 1})
    found.sort(key=lambda r: r["line"])
    return found


def extract_go_tree(w, snap, repo, rev, paths, server_of, license_of):
    paths = [p for p in paths if p.endswith(".go") and not p.endswith("_test.go") and server_of(p)
             and not re.search(r"(^|/)(vendor|testdata)/", p)]
    texts = dict(show_many(snap, paths, rev=rev))
    extra = {}
    for path, text in texts.items():
        e = extra.setdefault(server_of(path), {"structs": {}, "funcs": {}, "consts": {}})
        e["structs"].update(go_structs(text))
        e["consts"].update(go_consts(text))
        for m in re.finditer(r"func\s+(\w+)\s*\([^)]*?\b\w+\s+\*?(\w+)\s*\)", text):
            e["funcs"].setdefault(m.group(1), m.group(2))
    n = 0
    for path, text in sorted(texts.items()):
        server = server_of(path)
        for t in go_tools(text, extra.get(server)):
            if w.add(f"{repo}@{rev[:12]}:{path}", server, t["name"], t["description"], t["inputSchema"],
                     license_=license_of(server)):
                n += 1
    return n


def run_source_group(argv, group, repo, server_of, license_of, roots=(), go=False, skip=SRC_SKIP, allow=()):
    """Common main() for groups extracted statically from one source repository at HEAD."""
    args = [a for a in argv if not a.startswith("--")]
    out = f"/work/corpus/raw/{group}.jsonl"
    if "--out" in argv:
        out = argv[argv.index("--out") + 1]
        args.remove(out)
    snap = snap_path(repo, args[0] if args else None)
    commit = head(snap)
    paths = ls(snap, *roots)
    w = Writer(group, license_of(None))
    w.allow = set(allow)
    extract_source_tree(w, snap, repo, commit, paths, server_of, license_of, skip)
    if go:
        extract_go_tree(w, snap, repo, commit, paths, server_of, license_of)
    w.write(out)
    print(json.dumps(w.summary(), ensure_ascii=False))
    if "--report" in argv:
        for d in w.dropped:
            if d[0] != "duplicate":
                print("\t".join(map(str, d)))
    return w
