#!/usr/bin/env python3
"""Regenerate /work/corpus/raw/mcp_for_security_cyproxio.jsonl from a snapshot of
cyproxio/mcp-for-security (MIT): one small TypeScript MCP server per pentest tool
(<tool>-mcp/src/index.ts, `server.tool("name", "description", ...)`; build/ copies ignored).
Read with regexes (never run); zod schemas are not reconstructed (inputSchema null).
Label: `offensive` for attack/recon tooling (sqlmap, nmap, masscan, ffuf, smuggling, DNS brute
force, subdomain/parameter discovery ...); `benign` for defensive audits / housekeeping
(header analysis, Scout Suite audit, MobSF scans, SSL scan, screenshot file helpers).
Usage: mcp_for_security_cyproxio.py [SNAPSHOT_GIT_DIR] [OUT_JSONL]
"""
import os, re, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _mcp_pyextract as X

GROUP, REPO = "mcp_for_security_cyproxio", "cyproxio/mcp-for-security"
SNAP = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/cyproxio+mcp-for-security/repo"
OUT = sys.argv[2] if len(sys.argv) > 2 else f"/work/corpus/raw/{GROUP}.jsonl"
BENIGN = {"analyze-http-header", "do-scoutsuite-aws", "scanFile", "uploadFile", "getScanLogs",
          "getRecentScans", "do-sslscan", "gowitness-report", "gowitness-read-binary",
          "gowitness-list-screenshots", "get-nuclei-tags", "getJsonReport", "gowitness-screenshot",
          "gowitness-batch-screenshot"}
FAMILY = [(r"sqlmap|commix|smuggler|nuclei|wpscan|ffuf|arjun", "exploitation"), (r".", "reconnaissance")]


def main():
    c12 = X.head(SNAP)[:12]
    recs, seen = [], set()
    for p in sorted(X.ls(SNAP)):
        if not re.fullmatch(r"[^/]+/src/index\.ts", p):
            continue
        for t in X.js_tools(X.show(SNAP, p)):
            key = (t["name"], t["description"])
            if key in seen:
                continue
            seen.add(key)
            benign = t["name"] in BENIGN
            fam = None if benign else next(f for pat, f in FAMILY if re.search(pat, t["name"]))
            recs.append({"id": f"{GROUP}/{len(recs) + 1}", "group": GROUP, "source": f"{REPO}@{c12}:{p}",
                         "license": "MIT", "label": "benign" if benign else "offensive", "attack": fam,
                         "lang": "en", "synthetic": False, "server": p.split("/")[0],
                         "tool": {"name": t["name"], "description": t["description"], "inputSchema": None}})
    X.write_jsonl(OUT, recs)
    print(f"{len(recs)} records -> {OUT}")


if __name__ == "__main__":
    main()
