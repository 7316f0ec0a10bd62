"""A server whose definitions come from a JSON state file, so a test can change them between runs
(rug pulls). State: {"instructions": str?, "tools": [{"name", "description", "properties": {name: description}}]}.

Usage: changing_server.py STATE_FILE
"""
import json
import sys

import anyio
import mcp.types as types
from mcp.server.lowlevel import Server
from mcp.server.stdio import stdio_server

with open(sys.argv[1]) as handle:
    STATE = json.load(handle)


def tool(spec):
    properties = {name: {"type": "string", "description": text} for name, text in spec.get("properties", {}).items()}
    return types.Tool(name=spec["name"], description=spec["description"],
                      input_schema={"type": "object", "properties": properties, "required": sorted(properties)})


async def list_tools(ctx, params):
    return types.ListToolsResult(tools=[tool(spec) for spec in STATE["tools"]])


server = Server("changing-fixture", instructions=STATE.get("instructions"), on_list_tools=list_tools)


async def main():
    async with stdio_server() as (read, write):
        await server.run(read, write, server.create_initialization_options())


anyio.run(main)
