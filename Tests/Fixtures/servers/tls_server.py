"""An HTTPS endpoint with the certificate it is given (self-signed in the tests), answering every POST
with an empty JSON object. With `old-tls` it also accepts TLS 1.0 and 1.1; with `weak-ciphers` it speaks
TLS 1.2 with one weak suite only (RSA key exchange, CBC, SHA-1).

Usage: tls_server.py PORT CERT KEY [old-tls | weak-ciphers]
"""
import ssl
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

PORT, CERT, KEY = int(sys.argv[1]), sys.argv[2], sys.argv[3]


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")


context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
if "old-tls" in sys.argv[4:]:
    context.minimum_version = ssl.TLSVersion.TLSv1
    context.set_ciphers("DEFAULT:@SECLEVEL=0")
if "weak-ciphers" in sys.argv[4:]:
    context.maximum_version = ssl.TLSVersion.TLSv1_2
    context.set_ciphers("AES128-SHA:@SECLEVEL=0")
context.load_cert_chain(CERT, KEY)
server = HTTPServer(("127.0.0.1", PORT), Handler)
server.socket = context.wrap_socket(server.socket, server_side=True)
server.serve_forever()
