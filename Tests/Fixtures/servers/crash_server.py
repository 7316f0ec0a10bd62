"""A server that fails at start, as one does without its API key."""
import sys

from mcp.server.mcpserver import MCPServer

app = MCPServer("crash-fixture")

if __name__ == "__main__":
    print("fatal: WEATHER_API_KEY is not set", file=sys.stderr)
    sys.exit(3)
