"""Drives `mcpguard run` with the official SDK client: lists tools and makes the calls given, printing
one JSON object with what came back.
Usage: guard_client.py MCPGUARD POLICY|- AUDIT SERVER_ARGS_JSON [CALL_JSON...]
SERVER_ARGS_JSON is the fixture and its arguments (run with this Python), e.g. ["basic_server.py"];
CALL_JSON is {"name": ..., "arguments": {...}}."""
import asyncio
import json
import sys

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client


async def main():
    mcpguard, policy, audit, server_args = sys.argv[1:5]
    calls = [json.loads(arg) for arg in sys.argv[5:]]
    args = ["run", "--name", "basic", "--audit", audit]
    if policy != "-":
        args += ["--policy", policy]
    args += ["--", sys.executable] + json.loads(server_args)
    params = StdioServerParameters(command=mcpguard, args=args)
    out = {"calls": []}
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            tools = await session.list_tools()
            out["tools"] = sorted(tool.name for tool in tools.tools)
            out["descriptions"] = {tool.name: tool.description for tool in tools.tools}
            for call in calls:
                try:
                    result = await session.call_tool(call["name"], call.get("arguments", {}))
                    text = " ".join(getattr(c, "text", "") for c in result.content)
                    out["calls"].append({"name": call["name"], "ok": not result.is_error, "text": text})
                except Exception as error:  # a JSON-RPC error from the guard
                    out["calls"].append({"name": call["name"], "ok": False, "error": str(error)})
    print(json.dumps(out))


asyncio.run(main())
