#!/usr/bin/env python3
"""Group `mcp_bench`: tool definitions of the 28 real MCP servers vendored in Accenture/mcp-bench
(mcp_servers/<server>/...), extracted statically from their Python / TypeScript source.
Licence: repository README declares Apache-2.0 (no top-level LICENSE file); servers that carry their own
LICENSE file get that licence (mostly MIT); medcalc carries a public-domain notice (MedCalcBench).

usage: mcp_bench.py [SNAPSHOT_GIT_DIR] [--out PATH] [--report]
"""
import json, os, re, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _benign_common import Writer, extract_source_tree, head, licence_name, ls, show, snap_path  # noqa: E402

GROUP = "mcp_bench"
REPO = "Accenture/mcp-bench"


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    out = f"/work/corpus/raw/{GROUP}.jsonl"
    if "--out" in argv:
        out = argv[argv.index("--out") + 1]
        args.remove(out)
    snap = snap_path(REPO, args[0] if args else None)
    commit = head(snap)
    allp = ls(snap, "mcp_servers")
    lic = {}
    for p in allp:
        m = re.fullmatch(r"mcp_servers/([^/]+)/(?:MedCalcBench/CODE-)?LICEN[CS]E(\.md|\.txt)?", p)
        if m:
            lic[m.group(1)] = licence_name(show(snap, p)) or "see LICENSE"
    w = Writer(GROUP, "Apache-2.0")

    def server_of(p):
        parts = p.split("/")
        if len(parts) < 3 or "MedCalcBench" in parts:
            return None
        return parts[1]

    extract_source_tree(w, snap, REPO, commit, allp, server_of, lambda s: lic.get(s, "Apache-2.0"))
    w.write(out)
    print(json.dumps(w.summary(), ensure_ascii=False))
    if "--report" in argv:
        for d in w.dropped:
            print("\t".join(map(str, d)))


if __name__ == "__main__":
    main(sys.argv[1:])
