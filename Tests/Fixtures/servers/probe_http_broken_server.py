"""A deliberately careless Streamable HTTP MCP server (no SDK) for `mcpguard probe`'s tests: it accepts
any Origin, answers CORS with `*` (preflight) or the caller's own origin (requests), both with credentials,
numbers its sessions `s-1`, `s-2`, … and never throttles. Otherwise it answers JSON-RPC correctly. With
`auth` a request needs `Authorization: Bearer fixture-credential` (else 401) unless it carries a session id:
the session is not bound to the credentials it was issued to.

Usage: probe_http_broken_server.py PORT [auth]
"""
import itertools
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SESSIONS = itertools.count(1)
AUTH = "auth" in sys.argv[2:]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, body=None, headers=()):
        data = b"" if body is None else json.dumps(body).encode()
        self.send_response(status)
        origin = self.headers.get("Origin")
        if origin:
            self.send_header("Access-Control-Allow-Origin", origin)
            self.send_header("Access-Control-Allow-Credentials", "true")
        for name, value in headers:
            self.send_header(name, value)
        if body is not None:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_OPTIONS(self):
        self.send_response(204)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Credentials", "true")
        self.send_header("Access-Control-Allow-Methods", "POST, GET, DELETE")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_DELETE(self):
        self.reply(200)

    def do_GET(self):
        self.reply(405)

    def do_POST(self):
        raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        try:
            request = json.loads(raw)
        except (ValueError, RecursionError):
            return self.reply(400, {"jsonrpc": "2.0", "id": None, "error": {"code": -32700, "message": "parse error"}})
        if not isinstance(request, dict):
            return self.reply(400, {"jsonrpc": "2.0", "id": None, "error": {"code": -32600, "message": "invalid request"}})
        rid, method = request.get("id"), request.get("method")
        if AUTH and not self.headers.get("Mcp-Session-Id") and self.headers.get("Authorization") != "Bearer fixture-credential":
            return self.reply(401, None, [("WWW-Authenticate", 'Bearer realm="fixture"')])
        if rid is None:
            return self.reply(202)
        if method == "initialize":
            result = {"protocolVersion": "2025-06-18", "serverInfo": {"name": "broken-http", "version": "0"}, "capabilities": {"tools": {}}}
            return self.reply(200, {"jsonrpc": "2.0", "id": rid, "result": result}, [("Mcp-Session-Id", "s-%d" % next(SESSIONS))])
        if method == "ping":
            return self.reply(200, {"jsonrpc": "2.0", "id": rid, "result": {}})
        if method == "tools/list":
            return self.reply(200, {"jsonrpc": "2.0", "id": rid, "result": {"tools": []}})
        if method == "tools/call":
            return self.reply(200, {"jsonrpc": "2.0", "id": rid, "result": {"content": [{"type": "text", "text": "unknown tool"}], "isError": True}})
        self.reply(200, {"jsonrpc": "2.0", "id": rid, "error": {"code": -32601, "message": "method not found"}})


ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
