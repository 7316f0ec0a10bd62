"""A well-behaved MCP server over stdio, Streamable HTTP (JSON or SSE responses) or legacy SSE."""
import sys

from mcp.server.mcpserver import MCPServer

app = MCPServer("basic-fixture", instructions="Use get_time for clocks and add for sums.")


@app.tool()
def get_time(timezone: str = "UTC") -> str:
    """Return the current time in an IANA timezone."""
    return "12:00 " + timezone


@app.tool(annotations={"readOnlyHint": True})
def add(a: int, b: int) -> int:
    """Add two integers."""
    return a + b


@app.prompt()
def review_code(code: str, language: str = "python") -> str:
    """Review a piece of code."""
    return f"Review this {language} code:\n{code}"


@app.resource("config://app", name="app-config", description="The application configuration")
def app_config() -> str:
    return "debug=false"


@app.resource("notes://{name}", name="note", description="A note by name")
def note(name: str) -> str:
    return "note " + name


if __name__ == "__main__":
    mode = sys.argv[1] if len(sys.argv) > 1 else "stdio"
    if mode == "stdio":
        app.run()
    elif mode == "http":
        json_response = "json" in sys.argv[3:]
        options = {}
        if "no-origin-check" in sys.argv[3:]:
            from mcp.server.transport_security import TransportSecuritySettings

            options["transport_security"] = TransportSecuritySettings(enable_dns_rebinding_protection=False)
        app.run(transport="streamable-http", host="127.0.0.1", port=int(sys.argv[2]), json_response=json_response, **options)
    elif mode == "sse":
        app.run(transport="sse", host="127.0.0.1", port=int(sys.argv[2]))
    else:
        sys.exit(f"unknown mode {mode}")
