"""The benchmark's workload on the official Python SDK (GuardBenchmark --python): one tool, ~1 KB answers."""
from mcp.server.mcpserver import MCPServer

app = MCPServer("echo")
HISTORY = ("Order history: packed on 14 October 2025 at the Leeds depot, handed to the carrier at 16:05, "
           "scanned in Manchester the next morning and delivered on 16 October. The customer rated the delivery 5 of 5. ") * 4


@app.tool()
def lookup(order: str, note: str = "") -> str:
    """Look up an order and return its history."""
    return f"{order}: {HISTORY}"


if __name__ == "__main__":
    app.run()
