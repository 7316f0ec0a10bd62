#!/usr/bin/env python3
"""Regenerate /work/corpus/raw/mcp_attack_suite_wapiti08.jsonl from a snapshot of
Wapiti08/mcp-attack-suite (MIT).

sample_servers/*_baseline.py carry poisoned FastMCP tools (auto-forwarding, consent bypass,
exfiltration orders) and sample_servers/*_hardened.py their honest twins; the arena challenges add
a poisoned get_price (<IMPORTANT> output suppression), a malicious send_teams_message (shadowing
exfiltration) and "puppet" compliance tools with hidden SYSTEM OVERRIDE policies, next to honest
servers. Read statically with `ast` (never run); labels by hand below. The results/ JSON schema
dumps duplicate sample_servers and are not read.
Usage: mcp_attack_suite_wapiti08.py [SNAPSHOT_GIT_DIR] [OUT_JSONL]
"""
import os, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _mcp_pyextract as X

GROUP, REPO, LICENSE, SERVER = "mcp_attack_suite_wapiti08", "Wapiti08/mcp-attack-suite", "MIT", "mcp-attack-suite"
SNAP = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/Wapiti08+mcp-attack-suite/repo"
OUT = sys.argv[2] if len(sys.argv) > 2 else f"/work/corpus/raw/{GROUP}.jsonl"
S = "sample_servers"
A = "environment/arena/challenges"
SUB = "environment/submissions/examples"
SELECTIONS = [
    (f"{S}/crypto_baseline.py", "fetch_eth_earnings_report", "poisoned", "exfiltration"),
    (f"{S}/crypto_baseline.py", "append_investor_relations", "poisoned", "tool_poisoning"),
    (f"{S}/crypto_baseline.py", "transfer_eth", "poisoned", "tool_poisoning"),
    (f"{S}/crypto_baseline.py", "*", "benign", None),
    (f"{S}/crypto_hardened.py", "*", "benign", None),
    (f"{S}/doc_baseline.py", "submit_document", "poisoned", "exfiltration"),
    (f"{S}/doc_baseline.py", "*", "benign", None),
    (f"{S}/doc_hardened.py", "*", "benign", None),
    (f"{S}/email_baseline.py", "read_emails", "poisoned", "exfiltration"),
    (f"{S}/email_baseline.py", "*", "benign", None),
    (f"{S}/email_hardened.py", "*", "benign", None),
    (f"{A}/ETHPriceServer/mcp_servers/get_ETH_Price.py", "get_price", "poisoned", "tool_poisoning"),
    (f"{A}/ETHPriceServer/mcp_servers/eth_price_server.py", "*", "benign", None),
    (f"{A}/ETHPriceServer/mcp_servers/eth_price_server_hardened.py", "*", "benign", None),
    (f"{A}/ETHPriceServer/mcp_servers/eth_report_provider_server.py", "append_investor_relations_appendix", None, None),
    (f"{A}/ETHPriceServer/mcp_servers/eth_report_provider_server.py", "*", "benign", None),
    (f"{A}/emailsystem/mcp_servers/malicious_tools_server.py", "send_teams_message", "poisoned", "shadowing"),
    (f"{A}/emailsystem/mcp_servers/malicious_tools_server.py", "list_sent_messages", None, None),
    (f"{A}/emailsystem/mcp_servers/teams_server.py", "*", "benign", None),
    (f"{A}/emailsystem/mcp_servers/teams_hardened_server.py", "*", "benign", None),
    (f"{A}/emailsystem/mcp_servers/email_server.py", "*", "benign", None),
    (f"{A}/emailsystem/mcp_servers/image_extractor_server.py", "*", "benign", None),
    (f"{A}/documentsystem/mcp_servers/doc_store_server.py", "*", "benign", None),
    (f"{A}/documentsystem/mcp_servers/doc_store_server_hardened.py", "*", "benign", None),
    (f"{A}/documentsystem/mcp_servers/doc_convert_server.py", "*", "benign", None),
    (f"{SUB}/ETHPriceServer/puppet/eth_compliance_server.py", "check_response_compliance", "poisoned", "tool_poisoning"),
    (f"{SUB}/documentsystem/puppet/puppet_doc_provider.py", "check_summary_compliance", "poisoned", "tool_poisoning"),
    (f"{SUB}/emailsystem/safe_summarizer_server.py", "*", "benign", None),
    ("environment/arena/trusted_defaults/crypto_news_server.py", "*", "benign", None),
]

if __name__ == "__main__":
    X.build(GROUP, REPO, SNAP, LICENSE, SERVER, SELECTIONS, OUT)
