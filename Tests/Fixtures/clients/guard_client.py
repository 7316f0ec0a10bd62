"""Drives `mcpguard run` with the official SDK client and prints one JSON object with what came back.

Usage: guard_client.py SPEC_JSON, where SPEC_JSON is
  {"mcpguard": PATH, "run": [run options before --], "server": [argv after --],
   "direct": true (talk to the server itself, for comparison), "mode": "legacy" | "2026-07-28" (default legacy), "env": {mcpguard's environment} (default: the SDK's), "elicit": "accept" | "decline" | null (no elicitation),
   "steps": [{"call": NAME, "arguments": {...}} | {"read": URI} | {"prompt": NAME, "arguments": {...}}
             | {"list": "tools" | "prompts" | "resources"}]}
Tool errors and JSON-RPC errors from the guard are reported per step, never raised."""
import asyncio
import json
import sys

import mcp_types as types
from mcp import Client, StdioServerParameters


async def main():
    spec = json.loads(sys.argv[1])
    params = StdioServerParameters(command=spec["mcpguard"], args=["run"] + spec.get("run", []) + ["--"] + spec["server"],
                                   env=spec.get("env"))
    if spec.get("direct"):  # the same session without the guard, for comparison
        params = StdioServerParameters(command=spec["server"][0], args=spec["server"][1:], env=spec.get("env"))
    out = {"steps": [], "elicitations": []}

    async def elicit(context, request):
        out["elicitations"].append(request.message)
        if spec.get("elicit") == "accept":
            return types.ElicitResult(action="accept", content={"approve": True})
        return types.ElicitResult(action="decline")

    options = {"mode": spec.get("mode", "legacy")}
    if spec.get("elicit"):
        options["elicitation_callback"] = elicit
    async with Client(params, **options) as client:
        out["instructions"] = client.instructions
        tools = await client.list_tools()
        out["tools"] = sorted(tool.name for tool in tools.tools)
        out["descriptions"] = {tool.name: tool.description for tool in tools.tools}
        for step in spec.get("steps", []):
            try:
                if "call" in step:
                    result = await client.call_tool(step["call"], step.get("arguments", {}))
                    text = "\n".join(getattr(c, "text", "") for c in result.content)
                    out["steps"].append({"ok": not result.is_error, "text": text, "structured": result.structured_content})
                elif "read" in step:
                    result = await client.read_resource(step["read"])
                    out["steps"].append({"ok": True, "text": "\n".join(getattr(c, "text", "") for c in result.contents)})
                elif "prompt" in step:
                    result = await client.get_prompt(step["prompt"], step.get("arguments", {}))
                    out["steps"].append({"ok": True, "text": "\n".join(getattr(m.content, "text", "") for m in result.messages)})
                elif step.get("list") == "prompts":
                    out["steps"].append({"ok": True, "names": sorted(p.name for p in (await client.list_prompts()).prompts)})
                elif step.get("list") == "resources":
                    out["steps"].append({"ok": True, "names": sorted(r.name for r in (await client.list_resources()).resources)})
                elif step.get("list") == "tools":
                    out["steps"].append({"ok": True, "names": sorted(t.name for t in (await client.list_tools(cache_mode="refresh")).tools)})
            except Exception as error:  # a JSON-RPC error from the guard
                out["steps"].append({"ok": False, "error": str(error)})
    print(json.dumps(out))


asyncio.run(main())
