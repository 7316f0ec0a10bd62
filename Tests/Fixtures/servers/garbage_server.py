"""A server that prints a banner to stdout before speaking JSON-RPC, breaking the stdio framing."""
from mcp.server.mcpserver import MCPServer

app = MCPServer("garbage-fixture")


@app.tool()
def ping() -> str:
    """Answer pong."""
    return "pong"


if __name__ == "__main__":
    print("Weather server v1.2 ready on stdio", flush=True)
    app.run()
