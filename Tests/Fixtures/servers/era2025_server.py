"""An HTTP MCP endpoint as 2025-era SDKs build it (no MCP behind it, only what the probe sees): the
stateless `server/discover` probe gets HTTP 400, `initialize` gets a session, and GET /sse opens a legacy
HTTP+SSE stream. No authentication at all; `strict-origin` refuses foreign Origins with 403.

Usage: era2025_server.py PORT [open | strict-origin]
"""
import json
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT = int(sys.argv[1])
MODE = sys.argv[2] if len(sys.argv) > 2 else "open"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def foreign(self):
        origin = self.headers.get("Origin")
        return MODE == "strict-origin" and origin is not None and not origin.startswith("http://127.0.0.1")

    def send_json(self, status, body, headers=()):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        request = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"{}")
        if self.foreign():
            return self.send_json(403, {"error": "forbidden origin"})
        if request.get("method") == "initialize":
            result = {"protocolVersion": "2025-06-18", "capabilities": {}, "serverInfo": {"name": "era2025", "version": "1"}}
            return self.send_json(200, {"jsonrpc": "2.0", "id": request.get("id"), "result": result}, [("Mcp-Session-Id", "s-1")])
        self.send_json(400, {"jsonrpc": "2.0", "id": request.get("id"), "error": {"code": -32600, "message": "Bad Request: No valid session ID provided"}})

    def do_DELETE(self):
        self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self):
        if self.path != "/sse":
            return self.send_json(404, {"error": "not found"})
        if self.foreign():
            return self.send_json(403, {"error": "forbidden origin"})
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        self.wfile.write(b"event: endpoint\ndata: /messages?session_id=1\n\n")
        self.wfile.flush()
        time.sleep(1)


ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
