"""A server stuck in start-up: its lifespan never finishes, so it never answers."""
from contextlib import asynccontextmanager

import anyio
from mcp.server.mcpserver import MCPServer


@asynccontextmanager
async def lifespan(server):
    await anyio.sleep_forever()
    yield


app = MCPServer("hang-fixture", lifespan=lifespan)

if __name__ == "__main__":
    app.run()
