"""The authorization surface of a protected MCP endpoint (no MCP behind it): answers every POST with 401
and serves RFC 9728 protected-resource metadata and RFC 8414 authorization-server metadata.

Usage: auth_server.py PORT [s256 | plain | no-challenge | no-metadata]
"""
import json
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

PORT = int(sys.argv[1])
MODE = sys.argv[2] if len(sys.argv) > 2 else "s256"
ORIGIN = f"http://127.0.0.1:{PORT}"


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

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
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        headers = [] if MODE == "no-challenge" else [
            ("WWW-Authenticate", f'Bearer resource_metadata="{ORIGIN}/.well-known/oauth-protected-resource/mcp"')
        ]
        self.send_json(401, {"error": "unauthorized"}, headers)

    def do_GET(self):
        if self.path == "/.well-known/oauth-protected-resource/mcp" and MODE != "no-metadata":
            self.send_json(200, {"resource": ORIGIN + "/mcp", "authorization_servers": [ORIGIN]})
        elif self.path == "/.well-known/oauth-authorization-server":
            methods = ["S256"] if MODE == "s256" else ["plain"]
            self.send_json(200, {"issuer": ORIGIN, "authorization_endpoint": ORIGIN + "/authorize",
                                 "token_endpoint": ORIGIN + "/token", "code_challenge_methods_supported": methods})
        else:
            self.send_json(404, {"error": "not found"})


HTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
