#!/usr/bin/env python3
"""Regenerates Sources/GuardCore/Checklist/ChecklistCatalog+Items.swift from the SlowMist items.json.

Usage: scripts/generate-checklist.py PATH/TO/items.json > Sources/GuardCore/Checklist/ChecklistCatalog+Items.swift

Ids, parts, sections, titles, priorities and the upstream text come from items.json (MIT, SlowMist);
the one-line summaries below are mcpguard's own wording of what each item asks for in MCP terms.
A test (ChecklistCatalogTests) compares the compiled catalog with a copy of items.json.
"""
import json
import sys

SUMMARIES = {
    "SRV-API-01": "Every parameter a server accepts is checked against a strict contract before use.",
    "SRV-API-02": "Callers are throttled so one client or a runaway model cannot flood the server.",
    "SRV-API-03": "What the server returns is encoded for where it lands, so data is never read as markup or commands.",
    "SRV-AUTH-01": "Each caller reaches only the resources its role needs.",
    "SRV-AUTH-02": "Keys and tokens live in a secret store, never in code, config files or command lines.",
    "SRV-AUTH-03": "Calls the server makes to other services authenticate with strong, scoped credentials.",
    "SRV-AUTH-04": "The server process runs with the fewest OS privileges that let it work.",
    "SRV-AUTH-05": "Service credentials expire and are replaced on a schedule.",
    "SRV-AUTH-06": "Clients can prove which server they are talking to before trusting its tools.",
    "SRV-PERSIST-01": "Plugins start, run and stop under the client's control, with no life of their own.",
    "SRV-PERSIST-02": "When the host exits, every server process it started is terminated.",
    "SRV-PERSIST-03": "Running plugins are checked regularly so a stuck or lingering one is noticed.",
    "SRV-PERSIST-04": "Whatever a server does in the background is recorded.",
    "SRV-PERSIST-05": "Background work is limited in what it may do and for how long.",
    "SRV-DEPLOY-01": "The server runs inside a container, VM or sandbox that contains a compromise.",
    "SRV-DEPLOY-02": "Containers run hardened, as non-root, from immutable images.",
    "SRV-DEPLOY-03": "Start-up verifies that what boots is what was shipped.",
    "SRV-DEPLOY-04": "Secrets passed in the environment are protected and never printed to logs.",
    "SRV-DEPLOY-05": "CPU, memory, time and call limits stop a misbehaving model from looping the server.",
    "SRV-INTEG-01": "Signatures or checksums show the server code is the code that was approved.",
    "SRV-INTEG-02": "Integrity can be checked from outside, not only by the server about itself.",
    "SRV-INTEG-03": "The shipped code is hardened against reverse engineering.",
    "SRV-SUPPLY-01": "Third-party dependencies are chosen, pinned and updated deliberately.",
    "SRV-SUPPLY-02": "Packages are checked for integrity and authenticity before they run.",
    "SRV-SUPPLY-03": "Every piece of code comes from a known, verified source.",
    "SRV-SUPPLY-04": "The build pipeline itself cannot be used to inject code.",
    "SRV-LOG-01": "Unusual patterns of activity are detected and reported.",
    "SRV-LOG-02": "Service activity and security events are logged in enough detail to reconstruct them.",
    "SRV-LOG-03": "Critical security events raise an alert at once.",
    "SRV-LOG-04": "Logs are gathered in one place where they can be analysed.",
    "SRV-LOG-05": "Logs are tamper-evident, so an edited or deleted record shows.",
    "SRV-LOG-06": "Records are detailed enough to audit and to investigate an incident.",
    "SRV-ISO-01": "Several MCP servers on one host cannot reach into each other.",
    "SRV-ISO-02": "Each server has an explicit boundary of files, network and data it may touch.",
    "SRV-ISO-03": "Tools from different domains get separate permission sets.",
    "SRV-PLAT-01": "Resource isolation uses the mechanisms each operating system offers.",
    "SRV-PLAT-02": "Security behaviour is tested to be the same across operating systems and clients.",
    "SRV-PLAT-03": "Risks particular to a platform are assessed and mitigated.",
    "SRV-PLAT-04": "Controls still hold when clients implement the protocol differently.",
    "SRV-DATA-01": "Only data the task needs is collected and processed.",
    "SRV-DATA-02": "Sensitive data is encrypted at rest and in transit.",
    "SRV-DATA-03": "One user's data is never visible to another.",
    "SRV-DATA-04": "Access to data is checked strictly on every request.",
    "SRV-DATA-05": "Sensitive data is recognised automatically and handled with extra care.",
    "SRV-RES-01": "Resources are guarded by fine-grained access rules.",
    "SRV-RES-02": "A single resource and the number of resources are capped in size.",
    "SRV-RES-03": "Parameters filled into resource templates are validated and sanitised.",
    "SRV-RES-04": "Sensitive resources are marked and treated differently.",
    "SRV-TOOL-01": "Tools are written to secure coding standards.",
    "SRV-TOOL-02": "Tools execute in a controlled environment that limits system-wide damage.",
    "SRV-TOOL-03": "Every tool input from a client is validated strictly.",
    "SRV-TOOL-04": "Each tool holds only the permissions its own task needs.",
    "SRV-TOOL-05": "Data a tool processes is validated against injection and tampering.",
    "SRV-TOOL-06": "The kinds and range of actions a tool may take are constrained.",
    "SRV-TOOL-07": "Responses from third-party APIs are checked and never pasted raw into the model's context.",
    "SRV-TOOL-08": "Errors are handled without leaking secrets or internals.",
    "SRV-TOOL-09": "Tools live in separate namespaces so one cannot stand in for another.",
    "CLI-UI-01": "The host shows what the AI is about to do and what it could affect, with a clear safety signal.",
    "CLI-UI-02": "Deleting files, moving funds and other high-risk actions need an explicit user confirmation.",
    "CLI-UI-03": "A permission request states its purpose and scope so the user does not over-grant.",
    "CLI-UI-04": "Tool calls and data access are visible to the user and kept in a log.",
    "CLI-UI-05": "Hidden tags and invisible text can be shown, so the user sees what the model sees.",
    "CLI-UI-06": "The user can tell which MCP operations are running right now.",
    "CLI-AICTL-01": "Critical AI actions and their results are recorded.",
    "CLI-AICTL-02": "Odd sequences or rates of tool calls are detected.",
    "CLI-AICTL-03": "Tool calls are limited in frequency and number.",
    "CLI-STORE-01": "Credentials are kept in the system keychain or encrypted storage, not in plain files.",
    "CLI-STORE-02": "Sensitive user data is stored and processed apart from ordinary data.",
    "CLI-APP-01": "The host application and its MCP plugins are checked for tampering.",
    "CLI-APP-02": "Host application updates are accepted only with a valid signature.",
    "CLI-APP-03": "The host runs in a sandbox that limits what it can reach.",
    "CLI-AUTH-01": "The client authenticates before talking to any critical server; no anonymous access.",
    "CLI-AUTH-02": "OAuth follows version 2.1 and its security best practice.",
    "CLI-AUTH-03": "Web clients use a fresh random state value per request against CSRF.",
    "CLI-MGMT-01": "Registered tools are checked to be authentic and unchanged.",
    "CLI-MGMT-02": "Updates are applied, and the updated tool descriptions are re-checked for malice.",
    "CLI-MGMT-03": "A tool is not registered if its name collides with or overrides another.",
    "CLI-MGMT-04": "Behaviour that marks a server as malicious is watched for and flagged.",
    "CLI-MGMT-05": "Namespaces or unique ids keep tool names from colliding.",
    "CLI-MGMT-06": "An authorised directory lists the servers and tools that are trusted.",
    "CLI-MGMT-07": "Clear rules decide what happens when tool names conflict.",
    "CLI-MGMT-08": "Tools from different domains are isolated from each other.",
    "CLI-MGMT-09": "Explicit priority rules stop one tool from overriding another.",
    "CLI-MGMT-10": "Tool definitions are versioned so any change is noticed.",
    "CLI-MGMT-11": "Adding and removing tools follows a defined process that leaves nothing behind.",
    "CLI-MGMT-12": "Conflicting functions and resources across several servers are detected and resolved.",
    "CLI-MGMT-13": "Tools are classified by how sensitive and risky they are.",
    "CLI-PROMPT-01": "Several layers defend against prompt injection, including human review of critical actions.",
    "CLI-PROMPT-02": "Malicious instructions, preloaded or planted in third-party tool definitions, are detected and blocked.",
    "CLI-PROMPT-03": "System prompts are kept apart from user and tool input so they cannot be rewritten.",
    "CLI-PROMPT-04": "Personal and sensitive data is filtered out of prompts and context.",
    "CLI-PROMPT-05": "Context from different sources stays separate so one cannot poison or read another.",
    "CLI-PROMPT-06": "Prompt templates are built to resist injection.",
    "CLI-PROMPT-07": "Tool descriptions are inspected for hidden or malicious instructions.",
    "CLI-PROMPT-08": "The same prompt behaves predictably across environments.",
    "CLI-PROMPT-09": "Old conversation context is cleaned up by a defined rule so it does not pile up or leak.",
    "CLI-LOG-01": "The client logs server interactions, tool calls and authorisation events.",
    "CLI-LOG-02": "Security events, authorisation failures included, are logged.",
    "CLI-LOG-03": "Abnormal activity triggers an alert.",
    "CLI-TLS-01": "The client verifies the server's identity, pinning certificates where it can.",
    "CLI-TLS-02": "TLS certificates and their chains are validated strictly against man-in-the-middle attacks.",
    "CLI-TLS-03": "All client-server traffic uses TLS 1.2 or newer without weak ciphers.",
    "CLI-TLS-04": "TLS settings are reviewed and kept current.",
    "CLI-TOKEN-01": "Tokens carry only the scopes they need.",
    "CLI-APPROVE-01": "Auto-approval is limited to carefully chosen tools and actions.",
    "CLI-APPROVE-02": "An allow-list names the tools that may be auto-approved.",
    "CLI-APPROVE-03": "Auto-approval adapts to the risk of the current context.",
    "CLI-APPROVE-04": "Every auto-approval decision is logged for audit.",
    "CLI-SAMPLE-01": "Sampling requests carry only the context they strictly need.",
    "CLI-SAMPLE-02": "Sensitive data is filtered from sampling requests and their results.",
    "CLI-SAMPLE-03": "Every parameter and message in a sampling request is validated.",
    "CLI-SAMPLE-04": "The user decides about sampling requests and sees their results.",
    "CLI-SAMPLE-05": "Model preferences in sampling requests cannot be abused.",
    "CLI-SAMPLE-06": "Sampling results are checked before they are used.",
    "LLM-EXEC-01": "The model picks and runs the plugin function that was actually intended.",
    "LLM-EXEC-02": "The model resists injected or malicious instructions inside prompts.",
    "LLM-EXEC-03": "The model invokes MCP functions correctly and safely.",
    "LLM-EXEC-04": "The model does not leak sensitive information.",
    "LLM-MODAL-01": "Images and other media are filtered for hidden instructions and sensitive content.",
    "MULTI-01": "With several servers installed, all of them are scanned and inspected regularly.",
    "MULTI-02": "Preset prompts that hijack which function gets priority are found.",
    "MULTI-03": "One server's output cannot make another server perform sensitive actions.",
    "CRYPTO-01": "Private keys are protected with strong key derivation and storage.",
    "CRYPTO-02": "Mnemonics and wallets are generated securely.",
    "CRYPTO-03": "Wallet data is filtered before it is sent to any third party.",
    "CRYPTO-04": "Transfers to sign are shown completely and clearly.",
    "CRYPTO-05": "Fund operations need a second factor.",
    "CRYPTO-06": "Wallet and other private data stay with a local model, away from third-party providers.",
    "CRYPTO-07": "Signing works safely through existing wallets.",
}


def swift_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    data = json.load(open(sys.argv[1], encoding="utf-8"))
    items = data["items"]
    missing = [item["id"] for item in items if item["id"] not in SUMMARIES]
    extra = sorted(set(SUMMARIES) - {item["id"] for item in items})
    if missing or extra:
        sys.exit(f"summaries out of step with items.json: missing {missing}, extra {extra}")
    out = sys.stdout
    out.write("// Generated by scripts/generate-checklist.py from items.json "
              f"({data['source']}); do not edit by hand.\n")
    out.write("// Upstream ids, titles, sections, priorities and text: MIT, (c) 2025 SlowMist Team.\n\n")
    out.write("extension ChecklistCatalog {\n")
    out.write(f"    /// The upstream release the catalog was generated from.\n")
    out.write(f"    public static let source = {swift_string(data['source'])}\n\n")
    out.write("    static let compiledItems: [ChecklistItem] = [\n")
    for item in items:
        section = "nil" if item["section"] is None else swift_string(item["section"])
        out.write("        ChecklistItem(\n")
        out.write(f"            id: {swift_string(item['id'])}, part: .{item['part'].lower()}, section: {section},\n")
        out.write(f"            title: {swift_string(item['title'])}, priority: .{item['priority']},\n")
        out.write(f"            text: {swift_string(item['text'])},\n")
        out.write(f"            summary: {swift_string(SUMMARIES[item['id']])}\n")
        out.write("        ),\n")
    out.write("    ]\n}\n")


if __name__ == "__main__":
    main()
