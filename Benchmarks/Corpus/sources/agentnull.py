#!/usr/bin/env python3
"""Regenerate /work/corpus/raw/agentnull.jsonl from a snapshot of jaschadub/AgentNull (MIT).

pocs/FullSchemaPoisoning (poisoning carried by the inputSchema: parameter names, types, required,
defaults), pocs/MCPRugPull (each tool as first served = benign twin, then its swapped version = poisoned),
pocs/SchemaValidationBypass (schema-borne instructions) and the plain tools of other PoCs (benign).
Tool definitions are read statically (Python `ast` for @*.tool functions / Tool(...) / MCPTool(...)
calls and dict literals, regexes for JS/TS); nothing is run.
Labels were assigned by hand per tool (see SELECTIONS) after reading each definition.
Usage: agentnull.py [SNAPSHOT_GIT_DIR] [OUT_JSONL]
"""
import os, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _mcp_pyextract as X

GROUP, REPO, LICENSE, SERVER = "agentnull", "jaschadub/AgentNull", "MIT", "agentnull-poc"
SNAP = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/" + REPO.replace("/", "+") + "/repo"
OUT = sys.argv[2] if len(sys.argv) > 2 else f"/work/corpus/raw/{GROUP}.jsonl"

# (path, tool name or "*" for the rest of that file, label or None to skip, attack);
# a name listed several times is matched against its occurrences in file order.
SELECTIONS = [
    ("pocs/FullSchemaPoisoning/full_schema_poisoning_agent.py", "*", "poisoned", "parameter_tampering"),
    ("pocs/MCPRugPull/mcp_rug_pull_agent.py", "file_analyzer", "benign", None),
    ("pocs/MCPRugPull/mcp_rug_pull_agent.py", "file_analyzer", "poisoned", "rug_pull"),
    ("pocs/MCPRugPull/mcp_rug_pull_agent.py", "calculator", "benign", None),
    ("pocs/MCPRugPull/mcp_rug_pull_agent.py", "calculator", "poisoned", "rug_pull"),
    ("pocs/MCPRugPull/mcp_rug_pull_agent.py", "data_processor", "benign", None),
    ("pocs/MCPRugPull/mcp_rug_pull_agent.py", "data_processor", "poisoned", "rug_pull"),
    ("pocs/SchemaValidationBypass/schema_validation_bypass_agent.py", "type_confusion_tool", "poisoned", "parameter_tampering"),
    ("pocs/SchemaValidationBypass/schema_validation_bypass_agent.py", "nested_tool", "poisoned", "parameter_tampering"),
    ("pocs/SchemaValidationBypass/schema_validation_bypass_agent.py", "pattern_tool", "poisoned", "parameter_tampering"),
    ("pocs/SchemaValidationBypass/schema_validation_bypass_agent.py", "encoding_tool", None, None),
    ("pocs/SchemaValidationBypass/schema_validation_bypass_agent.py", "extension_tool", None, None),
    ("pocs/FunctionFlooding/function_flooding_agent.py", "*", "benign", None),
    ("pocs/NestedFunctionHijack/nested_function_hijack_agent.py", "*", "benign", None),
    ("pocs/ToolConfusionAttack/tool_confusion_agent.py", "*", "benign", None),
]

if __name__ == "__main__":
    X.build(GROUP, REPO, SNAP, LICENSE, SERVER, SELECTIONS, OUT)
