"""A raw JSON-RPC stdio server that answers only after its input ends: it reads every request until EOF,
waits half a second (work in progress), then answers them all and exits. What a client that writes its
requests and closes stdin (`printf ... | server`) relies on.

Usage: eof_server.py
"""
import json
import sys
import time

requests = [json.loads(line) for line in sys.stdin if line.strip()]
time.sleep(0.5)
for request in requests:
    if "id" not in request:
        continue
    if request.get("method") == "initialize":
        result = {"protocolVersion": "2025-06-18", "capabilities": {"tools": {}}, "serverInfo": {"name": "eof", "version": "1"}}
    elif request.get("method") == "tools/list":
        result = {"tools": [{"name": "echo", "description": "Echo the text back.", "inputSchema": {"type": "object"}}]}
    else:
        result = {"content": [{"type": "text", "text": "received " + json.dumps(request.get("params", {}).get("arguments", {}))}]}
    sys.stdout.write(json.dumps({"jsonrpc": "2.0", "id": request["id"], "result": result}) + "\n")
    sys.stdout.flush()
