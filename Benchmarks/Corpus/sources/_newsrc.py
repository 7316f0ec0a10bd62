"""Shared stdlib helpers for the definition and text sources added 2026-12-04 (mastermcp_slowmist.py,
rebuff.py, vigil_llm.py, …).

Snapshots are read with `git --git-dir SNAP show COMMIT:PATH` (no work tree); nothing from a
snapshot is imported or run. Tool definitions are extracted statically with _mcp_pyextract or hand-resolved; strings are
picked from Python ASTs by an anchor substring so that the exact source text is kept.
"""
import ast, hashlib, json, os, re, subprocess, sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _mcp_pyextract as X  # noqa: E402


def git(snap, *args):
    return subprocess.run(["git", "--git-dir", snap, *args], check=True, capture_output=True).stdout


def head(snap):
    return git(snap, "rev-parse", "HEAD").decode().strip()


def show(snap, path, rev="HEAD"):
    return git(snap, "show", f"{rev}:{path}").decode("utf-8", "replace")


def ls(snap, *paths):
    return git(snap, "ls-tree", "-r", "--name-only", "HEAD", *paths).decode().splitlines()


def norm(s):
    return re.sub(r"\s+", " ", s or "").strip().lower()


def _render(node):
    """String value of a Constant / JoinedStr / str-concatenation node (placeholders kept as {expr})."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        out = []
        for v in node.values:
            out.append(str(v.value) if isinstance(v, ast.Constant) else "{" + ast.unparse(v.value) + "}")
        return "".join(out)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        a, b = _render(node.left), _render(node.right)
        if a is not None and b is not None:
            return a + b
        if a is not None and isinstance(node.right, (ast.Name, ast.Attribute)):
            return a + "{" + ast.unparse(node.right) + "}"
        if b is not None and isinstance(node.left, (ast.Name, ast.Attribute)):
            return "{" + ast.unparse(node.left) + "}" + b
    return None


def py_strings(src):
    """All maximal string expressions in a Python source (concatenations rendered whole)."""
    tree = ast.parse(src)
    out, inner = [], set()
    for n in ast.walk(tree):
        if isinstance(n, (ast.BinOp, ast.JoinedStr)):
            v = _render(n)
            if v is not None:
                for c in ast.walk(n):
                    if c is not n:
                        inner.add(id(c))
                out.append((n, v))
    for n in ast.walk(tree):
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in inner:
            out.append((n, n.value))
    return [(getattr(n, "lineno", 0), v) for n, v in out if id(n) not in inner]


def pick(src, anchor, py=True):
    """The (shortest) string literal of `src` containing `anchor`; raises if none."""
    if py:
        cands = [v for _, v in py_strings(src) if anchor in v]
    else:
        cands = [X.js_unquote(m.group(0)) for m in re.finditer(X._JS_STR, src)]
        cands = [c for c in cands if anchor in c]
    if not cands:
        raise KeyError(f"anchor not found: {anchor!r}")
    return min(cands, key=len)


def module_consts(src):
    env = {}
    for n in ast.parse(src).body:
        if isinstance(n, (ast.Assign, ast.AnnAssign)):
            tg = n.targets[0] if isinstance(n, ast.Assign) else n.target
            if isinstance(tg, ast.Name) and n.value is not None:
                v = _render(n.value)
                if v is not None:
                    env[tg.id] = v
    return env


class Builder:
    def __init__(self, group, repo, snap, license, server=None, cap=1500):
        self.group, self.repo, self.snap, self.license, self.server, self.cap = group, repo, snap, license, server, cap
        self.c12 = head(snap)[:12]
        self.recs, self.seen = [], set()

    def src(self, path):
        return f"{self.repo}@{self.c12}:{path}"

    def text(self, path, text, label, attack, kind, lang="en"):
        text = (text or "").strip()
        k = ("t", norm(text))
        if not text or k in self.seen:
            return
        self.seen.add(k)
        self.recs.append({"group": self.group, "source": self.src(path), "license": self.license,
                          "label": label, "attack": attack if label == "injection" else None,
                          "kind": kind, "lang": lang, "synthetic": False, "text": text})

    def tool(self, path, name, description, schema, label, attack, server=None, kind="tool_definition"):
        description = (description or "").strip()
        k = ("d", name, norm(description), json.dumps(schema, sort_keys=True))
        if not description or k in self.seen:
            return
        self.seen.add(k)
        self.recs.append({"group": self.group, "source": self.src(path), "license": self.license,
                          "label": label, "attack": attack if label in ("poisoned", "offensive", "malicious_hidden") else None,
                          "kind": kind, "lang": "en", "synthetic": False, "server": server or self.server,
                          "tool": {"name": name, "description": description, "inputSchema": schema}})

    def write(self, out):
        recs = self.recs
        if len(recs) > self.cap:  # deterministic cap: keep the lowest sha1 of the record body
            def h(r):
                return hashlib.sha1(json.dumps(r.get("text") or r.get("tool"), sort_keys=True).encode()).hexdigest()
            kept = sorted(range(len(recs)), key=lambda i: h(recs[i]))[: self.cap]
            recs = [recs[i] for i in sorted(kept)]  # in extraction order
            print(f"capped {len(self.recs)} -> {self.cap}")
        os.makedirs(os.path.dirname(out), exist_ok=True)
        with open(out, "w", encoding="utf-8") as f:
            for i, r in enumerate(recs, 1):
                f.write(json.dumps({"id": f"{self.group}/{i}", **r}, ensure_ascii=False) + "\n")
        from collections import Counter
        print(f"{len(recs)} records -> {out}", dict(Counter(r["label"] for r in recs)))
        return recs


class Writer:
    """Bare example strings (rebuff, vigil): 0-based ids, a `note` per record, strings under 8 characters dropped."""

    def __init__(self, repo, group, license_):
        self.repo, self.group, self.license = repo, group, license_
        self.records, self.seen = [], set()

    def add(self, label, attack, kind, text, commit, path, note):
        text = text.strip()
        key = norm(text)
        if len(text) < 8 or key in self.seen:
            return
        self.seen.add(key)
        self.records.append({"id": f"{self.group}/{len(self.records)}", "group": self.group,
                             "source": f"{self.repo}@{commit[:12]}:{path}", "license": self.license,
                             "label": label, "attack": attack, "kind": kind, "lang": "en",
                             "synthetic": False, "text": text, "note": note})

    def write(self, out):
        os.makedirs(os.path.dirname(out), exist_ok=True)
        with open(out, "w", encoding="utf-8") as f:
            for r in self.records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"{len(self.records)} records -> {out}")


def snap_of(repo):
    return sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/" + repo.replace("/", "+") + "/repo"


def out_of(group):
    return sys.argv[2] if len(sys.argv) > 2 else f"/work/corpus/raw/{group}.jsonl"


_TOK = re.compile(r"""\s+|//[^\n]*|/\*.*?\*/|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`|[A-Za-z_$][\w$]*|-?\d+(?:\.\d+)?|[{}\[\]:,]|\S""", re.S)


def js_literal(text):
    """Parse a JS/TS object/array literal (plain data only: strings, numbers, true/false/null, nested
    objects/arrays, unquoted keys, trailing commas, comments) into Python. Raises ValueError otherwise."""
    out = []
    toks = [t for t in _TOK.findall(text) if t.strip() and not t.startswith(("//", "/*"))]
    for i, t in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if t[0] in "\"'`":
            s = X.js_unquote(t)
            if t[0] == "`" and "${" in s:
                raise ValueError("template literal with substitution")
            out.append(json.dumps(s))
        elif re.match(r"[A-Za-z_$]", t):
            if nxt == ":":
                out.append(json.dumps(t))
            elif t in ("true", "false", "null"):
                out.append(t)
            elif t == "as" or t == "const":
                raise ValueError("TS expression")
            else:
                raise ValueError(f"identifier {t}")
        elif t == "," and nxt in ("}", "]"):
            continue
        else:
            out.append(t)
    return json.loads("".join(out))


def js_balanced(src, start):
    """Text of the bracketed literal starting at src[start] ('[' or '{'), skipping strings/comments."""
    depth, i, n = 0, start, len(src)
    while i < n:
        m = _TOK.match(src, i)
        t = m.group(0)
        if t in ("[", "{"):
            depth += 1
        elif t in ("]", "}"):
            depth -= 1
            if depth == 0:
                return src[start:m.end()]
        i = m.end()
    raise ValueError("unbalanced")
