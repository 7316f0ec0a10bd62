"""A deliberately careless stdio MCP server (no SDK) for `mcpguard probe`'s tests.

It exits on malformed JSON, puts a traceback, an absolute path and a (fake) token in its errors, echoes any
protocolVersion, accepts arguments that break its tools' schemas, and serves /etc/passwd for any URI that
mentions passwd. Its non-read-only tool `wipe` writes MARKER_FILE when called, so a test can prove that the
probe never called it.

With `hang-on-huge` it ignores SIGTERM and, once a message over 1 MB arrives, never answers again.

Usage: probe_broken_server.py MARKER_FILE [hang-on-huge]
"""
import json
import signal
import sys
import time

MARKER = sys.argv[1] if len(sys.argv) > 1 else "/dev/null"
LEAK = (
    "Traceback (most recent call last):\n"
    '  File "/home/alice/projects/notes-server/server.py", line 88, in dispatch\n'
    "    raise KeyError(method)\n"
    "KeyError: token ghp_Zq8vX2mKp9LrT4wYb7NcH1sDf6GjA3eQu5Io"
)
TOOLS = [
    {"name": "lookup", "description": "Look a note up by id.", "annotations": {"readOnlyHint": True},
     "inputSchema": {"type": "object", "properties": {"id": {"type": "integer"}}, "required": ["id"], "additionalProperties": False}},
    {"name": "wipe", "description": "Delete every note.", "annotations": {"destructiveHint": True},
     "inputSchema": {"type": "object", "properties": {"confirm": {"type": "boolean"}}, "required": ["confirm"]}},
]


def send(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def answer(request):
    method, params, rid = request.get("method"), request.get("params") or {}, request.get("id")
    if rid is None:
        return None
    if method == "initialize":
        return {"result": {"protocolVersion": params.get("protocolVersion"), "serverInfo": {"name": "broken", "version": "0"},
                           "capabilities": {"tools": {}, "resources": {}}}}
    if method == "ping":
        return {"result": {}}
    if method == "tools/list":
        return {"result": {"tools": TOOLS}}
    if method == "tools/call" and params.get("name") == "wipe":
        with open(MARKER, "w") as marker:
            marker.write("wipe was called")
        return {"result": {"content": [{"type": "text", "text": "wiped"}]}}
    if method == "tools/call" and params.get("name") == "lookup":
        return {"result": {"content": [{"type": "text", "text": "note " + json.dumps(params.get("arguments"))}]}}
    if method == "resources/list":
        return {"result": {"resources": [{"uri": "file:///srv/notes/readme.txt", "name": "readme"}]}}
    if method == "resources/templates/list":
        return {"result": {"resourceTemplates": [{"uriTemplate": "file:///srv/notes/{name}", "name": "note"}]}}
    if method == "resources/read" and isinstance(params.get("uri"), str) and "passwd" in params["uri"]:
        with open("/etc/passwd") as passwd:
            return {"result": {"contents": [{"uri": params["uri"], "text": passwd.read()}]}}
    return {"error": {"code": -32603, "message": "internal error", "data": LEAK}}


HANG = "hang-on-huge" in sys.argv[2:]
if HANG:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)

for line in sys.stdin:
    if not line.strip():
        continue
    if HANG and len(line) > 1_000_000:
        time.sleep(3600)
    try:
        request = json.loads(line)
    except json.JSONDecodeError:
        sys.exit(3)
    except RecursionError:
        send({"jsonrpc": "2.0", "id": None, "error": {"code": -32700, "message": "parse error"}})
        continue
    reply = answer(request) if isinstance(request, dict) else None
    if reply is not None:
        reply.update({"jsonrpc": "2.0", "id": request.get("id")})
        send(reply)
