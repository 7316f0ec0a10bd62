"""GuardBenchmark --python-client: a raw JSON-RPC stdio server (no SDK), so the server's own cost stays small
and what the guard adds is visible. Speaks just enough MCP for the SDK client in legacy mode: initialize,
tools/list with one tool, tools/call answering ~1 KB of text, ping; notifications are read and ignored."""
import json
import sys

HISTORY = ("Order history: packed on 14 October 2025 at the Leeds depot, handed to the carrier at 16:05, "
           "scanned in Manchester the next morning and delivered on 16 October. The customer rated the delivery 5 of 5. ") * 4
TOOL = {"name": "lookup", "description": "Look up an order and return its history.",
        "inputSchema": {"type": "object", "properties": {"order": {"type": "string"}, "note": {"type": "string"}},
                        "required": ["order"]}}


def answer(message):
    method = message.get("method")
    params = message.get("params") or {}
    if method == "initialize":
        return {"protocolVersion": params.get("protocolVersion", "2025-11-25"), "capabilities": {"tools": {}},
                "serverInfo": {"name": "raw-echo", "version": "1"}}
    if method == "tools/list":
        return {"tools": [TOOL]}
    if method == "tools/call":
        order = (params.get("arguments") or {}).get("order", "")
        return {"content": [{"type": "text", "text": f"{order}: {HISTORY}"}], "isError": False}
    if method == "ping":
        return {}
    return None


def main():
    read, write, flush = sys.stdin.buffer.readline, sys.stdout.buffer.write, sys.stdout.buffer.flush
    while line := read():
        message = json.loads(line)
        if "id" not in message or "method" not in message:
            continue
        result = answer(message)
        reply = {"jsonrpc": "2.0", "id": message["id"]}
        if result is None:
            reply["error"] = {"code": -32601, "message": "method not found"}
        else:
            reply["result"] = result
        write(json.dumps(reply, separators=(",", ":")).encode() + b"\n")
        flush()


if __name__ == "__main__":
    main()
