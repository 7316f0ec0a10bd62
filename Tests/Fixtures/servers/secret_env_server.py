"""A server that reports what one environment variable holds without showing it (its length and the start
of its SHA-256), and which of its ancestor processes hold the same bytes in their command line or
environment: under `mcpguard run` that must be none of them."""
import hashlib
import os

from mcp.server.mcpserver import MCPServer

app = MCPServer("secret-env-fixture")


def ancestors():
    """(pid, cmdline, environ) of the parent, its parent, … up to init."""
    found, pid = [], os.getppid()
    while pid > 1 and len(found) < 8:
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                cmdline = f.read()
            with open(f"/proc/{pid}/environ", "rb") as f:
                environ = f.read()
            with open(f"/proc/{pid}/stat") as f:
                parent = int(f.read().rsplit(")", 1)[1].split()[1])
        except OSError:
            break
        found.append((pid, cmdline, environ))
        pid = parent
    return found


@app.tool(description="Length and SHA-256 prefix of an environment variable, and which ancestors hold the same bytes.")
def probe(name: str) -> str:
    value = os.environ.get(name)
    if value is None:
        return "unset"
    raw = value.encode()
    holding = [str(pid) for pid, cmdline, environ in ancestors() if raw in cmdline or raw in environ]
    checked = len(ancestors())
    return f"length {len(raw)} sha256 {hashlib.sha256(raw).hexdigest()[:12]} ancestors {checked} holding {','.join(holding) or 'none'}"


if __name__ == "__main__":
    app.run()
