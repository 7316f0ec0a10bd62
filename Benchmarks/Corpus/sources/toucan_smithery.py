#!/usr/bin/env python3
"""Group `toucan_smithery`: benign MCP tool definitions of ~2,100 Smithery-hosted MCP servers, as
captured by the Toucan dataset (TheAgentArk/Toucan, MIT) in mcp_servers/*_labeled.json.

Per server file: metadata.remote_server_response.tools (live tools/list answer) if present, else
metadata.server_info_crawled.tools (tools listed on the Smithery page).  Server = the Smithery
qualified name taken from metadata.original_file (e.g. "@JackKuo666/pubmed-mcp-server").

usage: toucan_smithery.py [SNAPSHOT_GIT_DIR] [--out PATH] [--report]
"""
import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _benign_common import Writer, head, ls, show_many, snap_path  # noqa: E402

GROUP = "toucan_smithery"
REPO = "TheAgentArk/Toucan"

# Smithery-page crawler placeholders, not real descriptions
PLACEHOLDERS = ("Description not available", "Tool description not accessible")
# copies of a RESERVED source (damn-vulnerable-MCP-server challenges): skipped entirely
SKIP_SERVERS = {"@pfelilpe/DVMCP"}
# screening false positives, reviewed by hand: honest (defensive / forensic / API) tools
ALLOW = {("neon/neon-database", "prepare_database_migration"),
         ("@janwilmake/openapi-mcp-server", "getApiOverview"),
         ("@janwilmake/openapi-mcp-server", "getApiOperation"),
         ("@burtthecoder/mcp-shodan", "cve_lookup"),
         ("@Kirandawadi/volatility3-mcp", "get_network_connections"),
         ("@Kirandawadi/volatility3-mcp", "list_process_open_handles"),
         ("@AshfaaqF/mcp-priam-alienvault", "otx_search_pulses")}


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    out = f"/work/corpus/raw/{GROUP}.jsonl"
    if "--out" in argv:
        out = argv[argv.index("--out") + 1]
        args.remove(out)
    snap = snap_path(REPO, args[0] if args else None)
    commit = head(snap)
    w = Writer(GROUP, "MIT")
    paths = sorted(p for p in ls(snap, "mcp_servers") if p.endswith("_labeled.json"))
    for path, text in show_many(snap, paths):
        d = json.loads(text)
        m = d.get("metadata") or {}
        rt = (m.get("remote_server_response") or {}).get("tools") or []
        ct = (m.get("server_info_crawled") or {}).get("tools") or []
        tools = rt or ct
        orig = os.path.basename(m.get("original_file") or "")
        server = orig[:-5] if orig.endswith(".json") else (m.get("server_name") or path)
        if "_" in server:
            owner, _, rest = server.partition("_")
            server = owner + "/" + rest
        if server in SKIP_SERVERS:
            w.dropped.append(("reserved-copy", server, "*", ""))
            continue
        for t in tools:
            if not isinstance(t, dict):
                continue
            schema = t.get("input_schema", t.get("inputSchema"))
            desc = t.get("description") or ""
            if isinstance(desc, str) and (desc.startswith(PLACEHOLDERS) or "Try in Playground" in desc):
                w.dropped.append(("placeholder", server, t.get("name"), desc[:80]))
                continue
            w.add(f"{REPO}@{commit[:12]}:{path}", server, t.get("name"), desc, schema,
                  allow_screen=(server, t.get("name")) in ALLOW)
    w.write(out)
    print(json.dumps(w.summary(), ensure_ascii=False))
    if "--report" in argv:
        for d in w.dropped:
            if d[0] not in ("duplicate", "empty"):
                print("\t".join(map(str, d)))


if __name__ == "__main__":
    main(sys.argv[1:])
