#!/usr/bin/env python3
"""Group `docker_mcp_registry_head`: tool definitions of the Docker MCP Catalog at HEAD of
docker/mcp-registry (MIT): every servers/*/tools.json plus the `tools:` lists embedded in
servers/*/server.yaml (curl, docker, ffmpeg...).  Server = the servers/<dir> name.

usage: docker_mcp_registry_head.py [SNAPSHOT_GIT_DIR] [--out PATH] [--report]
"""
import json, os, re, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _benign_common import Writer, head, ls, show_many, snap_path  # noqa: E402

GROUP = "docker_mcp_registry_head"
REPO = "docker/mcp-registry"


# ---- minimal block-YAML reader (maps, lists, plain/quoted scalars, | and > blocks): enough for server.yaml
def _scalar(s):
    s = s.strip()
    if s == "":
        return None
    if (s[0] == s[-1]) and s[0] in "'\"" and len(s) >= 2:
        return s[1:-1].replace("''", "'") if s[0] == "'" else json.loads(s)
    if s in ("true", "false"):
        return s == "true"
    if re.fullmatch(r"-?\d+", s):
        return int(s)
    if s.startswith("[") and s.endswith("]"):
        return [_scalar(x) for x in s[1:-1].split(",") if x.strip()]
    return re.sub(r"\s+#.*$", "", s)


def yaml_load(text):
    lines = [l.rstrip("\n") for l in text.splitlines()]
    lines = [l for l in lines if l.strip() and not l.lstrip().startswith("#")]
    pos = [0]

    def ind(l):
        return len(l) - len(l.lstrip(" "))

    def block_scalar(base, style):
        out = []
        while pos[0] < len(lines) and ind(lines[pos[0]]) > base:
            out.append(lines[pos[0]].strip())
            pos[0] += 1
        return ("\n" if style.startswith("|") else " ").join(out)

    def parse(level):
        l = lines[pos[0]]
        if l.lstrip().startswith("- ") or l.strip() == "-":
            res = []
            while pos[0] < len(lines) and ind(lines[pos[0]]) == level and lines[pos[0]].lstrip().startswith("-"):
                item = lines[pos[0]].lstrip()[1:].lstrip()
                if not item:
                    pos[0] += 1
                    res.append(parse(ind(lines[pos[0]])))
                elif re.match(r"^[\w.\-\"']+\s*:(\s|$)", item):
                    # map item: rewrite the line as a map at deeper indent
                    lines[pos[0]] = " " * (level + 2) + item
                    res.append(parse(level + 2))
                else:
                    pos[0] += 1
                    res.append(_scalar(item))
            return res
        res = {}
        while pos[0] < len(lines) and ind(lines[pos[0]]) == level and not lines[pos[0]].lstrip().startswith("- "):
            k, _, v = lines[pos[0]].strip().partition(":")
            k = k.strip().strip("'\"")
            v = v.strip()
            pos[0] += 1
            if v in ("|", ">", "|-", ">-", "|+", ">+"):
                res[k] = block_scalar(level, v)
            elif v == "":
                if pos[0] < len(lines) and (ind(lines[pos[0]]) > level or
                                            (ind(lines[pos[0]]) == level and lines[pos[0]].lstrip().startswith("- "))):
                    res[k] = parse(ind(lines[pos[0]]))
                else:
                    res[k] = None
            else:
                res[k] = _scalar(v)
        return res

    return parse(ind(lines[0])) if lines else None


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    out = f"/work/corpus/raw/{GROUP}.jsonl"
    if "--out" in argv:
        out = argv[argv.index("--out") + 1]
        args.remove(out)
    snap = snap_path(REPO, args[0] if args else None)
    commit = head(snap)
    w = Writer(GROUP, "MIT")
    paths = sorted(p for p in ls(snap, "servers") if re.fullmatch(r"servers/[^/]+/(tools\.json|server\.yaml)", p))
    for path, text in show_many(snap, paths):
        server = path.split("/")[1]
        src = f"{REPO}@{commit[:12]}:{path}"
        if path.endswith("tools.json"):
            tools = json.loads(text) if text.strip() else []
            for t in tools or []:
                w.add(src, server, t.get("name"), t.get("description"), t.get("inputSchema"))
        else:
            if not re.search(r"(?m)^tools:", text):
                continue
            y = yaml_load(text) or {}
            for t in y.get("tools") or []:
                if isinstance(t, dict):
                    w.add(src, y.get("name") or server, t.get("name"), t.get("description"),
                          t.get("parameters") or t.get("inputSchema"))
    w.write(out)
    print(json.dumps(w.summary(), ensure_ascii=False))
    if "--report" in argv:
        for d in w.dropped:
            if d[0] != "duplicate":
                print("\t".join(map(str, d)))


if __name__ == "__main__":
    main(sys.argv[1:])
