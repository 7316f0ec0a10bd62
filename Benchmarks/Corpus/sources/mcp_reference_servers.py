#!/usr/bin/env python3
"""Group `mcp_reference_servers`: tool definitions of the MCP reference servers in
modelcontextprotocol/servers, extracted statically from their TypeScript / Python source:
  * HEAD: src/* (everything, fetch, filesystem, git, memory, sequentialthinking, time);
  * the parent of commit d53d6cc75c9f ("Archive unmaintained servers", 2025-05-29): the servers that were
    archived then (aws-kb-retrieval-server, brave-search, everart, gdrive, github, gitlab, google-maps,
    postgres, puppeteer, redis, sentry, slack, sqlite), taken only if not present at HEAD.
Licence: HEAD = Apache-2.0 / MIT (licensing transition, see LICENSE); pre-archive snapshot = MIT.

usage: mcp_reference_servers.py [SNAPSHOT_GIT_DIR] [--out PATH] [--report]
"""
import json, os, re, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _benign_common import Writer, git, head, is_js, js_defs, ls, show_many, snap_path, source_tools  # noqa: E402

GROUP = "mcp_reference_servers"
REPO = "modelcontextprotocol/servers"
ARCHIVE_COMMIT = "d53d6cc75c9ff1957f76c6b97c1ca74771af347e"
SKIP = re.compile(r"(^|/)(tests?|__tests__|spec|node_modules|dist|build)/|\.(test|spec)\.[jt]s$|test_[^/]*\.py$")


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    out = f"/work/corpus/raw/{GROUP}.jsonl"
    if "--out" in argv:
        out = argv[argv.index("--out") + 1]
        args.remove(out)
    snap = snap_path(REPO, args[0] if args else None)
    commit = head(snap)
    old = git(snap, "rev-parse", ARCHIVE_COMMIT + "^").decode().strip()
    w = Writer(GROUP, "Apache-2.0 OR MIT")
    head_servers = set()
    for rev, lic in ((commit, "Apache-2.0 OR MIT"), (old, "MIT")):
        paths = [p for p in ls(snap, "src", rev=rev) if not SKIP.search(p) and re.search(r"\.(py|ts|js)$", p)]
        texts = dict(show_many(snap, paths, rev=rev))
        sdefs = {}
        for path, text in texts.items():
            if is_js(path) and "z." in text:
                sdefs.setdefault(path.split("/")[1], {}).update(js_defs(text))
        for path, text in sorted(texts.items()):
            server = path.split("/")[1]
            if rev == commit:
                head_servers.add(server)
            elif server in head_servers:
                continue
            for t in source_tools(path, text, sdefs.get(server)):
                w.add(f"{REPO}@{rev[:12]}:{path}", server, t["name"], t["description"], t["inputSchema"], license_=lic)
    w.write(out)
    print(json.dumps(w.summary(), ensure_ascii=False))
    if "--report" in argv:
        for d in w.dropped:
            print("\t".join(map(str, d)))


if __name__ == "__main__":
    main(sys.argv[1:])
