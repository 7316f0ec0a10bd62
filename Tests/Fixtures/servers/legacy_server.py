"""A server built with the January 2025 SDK (mcp 1.2.0): it speaks only protocol 2024-11-05.
Runs from .venv-legacy."""
from mcp.server.fastmcp import FastMCP

app = FastMCP("legacy-fixture")


@app.tool()
def echo(text: str) -> str:
    """Echo the text back."""
    return text


if __name__ == "__main__":
    app.run()
