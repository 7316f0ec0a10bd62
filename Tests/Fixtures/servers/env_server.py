"""A server whose tool description lists which probe variables are set in its environment."""
import os

from mcp.server.mcpserver import MCPServer

PROBES = ["CONFIGURED_VAR", "GITHUB_TOKEN", "AWS_SECRET_ACCESS_KEY", "HOME", "PATH"]
visible = [name for name in PROBES if name in os.environ]
app = MCPServer("env-fixture")


@app.tool(description="visible: " + ",".join(visible))
def probe() -> str:
    return "ok"


if __name__ == "__main__":
    app.run()
