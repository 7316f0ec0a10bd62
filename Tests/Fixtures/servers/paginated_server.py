"""A server whose tools/list comes in three pages of two tools (low-level SDK API)."""
import anyio
import mcp.types as types
from mcp.server.lowlevel import Server
from mcp.server.stdio import stdio_server

TOOLS = [types.Tool(name=f"tool_{i}", description=f"Tool number {i}.", input_schema={"type": "object"}) for i in range(6)]


async def list_tools(ctx, params):
    cursor = int(params.cursor) if params and params.cursor else 0
    page = TOOLS[cursor:cursor + 2]
    next_cursor = str(cursor + 2) if cursor + 2 < len(TOOLS) else None
    return types.ListToolsResult(tools=page, next_cursor=next_cursor)


server = Server("paginated-fixture", on_list_tools=list_tools)


async def main():
    async with stdio_server() as (read, write):
        await server.run(read, write, server.create_initialization_options())


anyio.run(main)
