#!/usr/bin/env python3
"""Regenerate /work/corpus/raw/hexstrike_ai.jsonl from a snapshot of 0x4m4/hexstrike-ai (MIT).

hexstrike_mcp.py registers ~150 FastMCP tools (@mcp.tool()) that drive offensive-security
tools (nmap, sqlmap, hydra, metasploit, msfvenom, responder ...). Each decorated function is
read statically with `ast` (never run): name, full docstring (what FastMCP sends as the
description) and an inputSchema built from the signature and the docstring's Args section.
Label: `offensive`, except server housekeeping and defensive/forensic utilities, which are
labelled `benign` (hard negatives that live in an offensive server).
Usage: hexstrike_ai.py [SNAPSHOT_GIT_DIR] [OUT_JSONL]
"""
import os, re, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _mcp_pyextract as X

GROUP, REPO, PATH = "hexstrike_ai", "0x4m4/hexstrike-ai", "hexstrike_mcp.py"
SNAP = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/0x4m4+hexstrike-ai/repo"
OUT = sys.argv[2] if len(sys.argv) > 2 else f"/work/corpus/raw/{GROUP}.jsonl"

BENIGN = {  # honest utilities / defensive or forensic tools
    "create_file", "modify_file", "delete_file", "list_files", "install_python_package",
    "execute_python_script", "server_health", "get_cache_stats", "clear_cache", "get_telemetry",
    "list_active_processes", "get_process_status", "terminate_process", "pause_process",
    "resume_process", "get_process_dashboard", "get_live_dashboard", "format_tool_output_visual",
    "create_scan_summary", "display_system_metrics", "error_handling_statistics",
    "test_error_recovery", "anew_data_processing", "uro_url_filtering", "xxd_hexdump",
    "strings_extract", "objdump_analyze", "falco_runtime_monitoring", "kube_bench_cis",
    "docker_bench_security_scan", "checkov_iac_scan", "terrascan_iac_scan", "trivy_scan",
    "clair_vulnerability_scan", "volatility_analyze", "volatility3_analyze", "foremost_carving",
    "exiftool_extract", "create_vulnerability_report", "vulnerability_intelligence_dashboard",
    "correlate_threat_intelligence", "monitor_cve_feeds", "threat_hunting_assistant",
    "checksec_analyze", "execute_command", "qsreplace_parameter_replacement",
}
FAMILY = [  # first match wins
    (r"hydra|john|hashcat|responder|hashpump|jwt", "credential_access"),
    (r"msfvenom|payload|metasploit|sqlmap|exploit|pwn|rop|gadget|libc|gdb|radare|ghidra|angr|binwalk|xss|dalfox|dotdotpwn|intruder|repeater|fuzz|bypass|upload|zero_day|attack|pacu|burp|zap|http_|browser_agent|jaeles|nuclei|nikto|wpscan|graphql|api_|vulnerability|steghide|business_logic", "exploitation"),
    (r"netexec|smb|enum4linux|rpcclient|kube_hunter", "lateral_movement"),
    (r".", "reconnaissance"),
]


def family(name):
    for pat, fam in FAMILY:
        if re.search(pat, name):
            return fam


def main():
    c12 = X.head(SNAP)[:12]
    recs, seen = [], set()
    for t in X.py_tools(X.show(SNAP, PATH)):
        key = (t["name"], t["description"])
        if not t["description"] or key in seen:
            continue
        seen.add(key)
        benign = t["name"] in BENIGN
        recs.append({"id": f"{GROUP}/{len(recs) + 1}", "group": GROUP, "source": f"{REPO}@{c12}:{PATH}",
                     "license": "MIT", "label": "benign" if benign else "offensive",
                     "attack": None if benign else family(t["name"]), "lang": "en", "synthetic": False,
                     "server": "hexstrike-ai",
                     "tool": {"name": t["name"], "description": t["description"], "inputSchema": t["inputSchema"]}})
    X.write_jsonl(OUT, recs)
    print(f"{len(recs)} records -> {OUT}")


if __name__ == "__main__":
    main()
