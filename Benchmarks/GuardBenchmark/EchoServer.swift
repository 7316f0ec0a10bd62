import Foundation
import GuardCore
import MCPClient

/// A minimal stdio MCP server for the benchmark: answers `initialize`, lists one tool and returns a
/// ~1 KB text result per `tools/call`. Written in Swift so the server's own cost is small next to what
/// the guard adds.
enum EchoServer {
    static let tool: JSONValue = [
        "name": "lookup", "description": "Look up an order and return its history.",
        "inputSchema": ["type": "object", "properties": ["order": ["type": "string", "pattern": "^[A-Z0-9-]+$"], "note": ["type": "string", "maxLength": 4096]], "required": ["order"]],
    ]

    /// Honest prose with numbers and dates, so redaction and injection screening do real work.
    static let history = String(repeating: "Order history: packed on 14 October 2025 at the Leeds depot, handed to the carrier at 16:05, "
        + "scanned in Manchester the next morning and delivered on 16 October. The customer rated the delivery 5 of 5. ", count: 4)

    static func run() -> Never {
        var framer = LineFramer(maxFrameSize: 1 << 20)
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let writer = FileHandle.standardOutput
        while true {
            let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { exit(0) }
            var out: [UInt8] = []
            for case .line(let line) in framer.append(buffer[0..<count]) {
                guard let message = try? JSONRPCMessage(bytes: line), message.kind == .request, let id = message.id else { continue }
                let result: JSONValue
                switch message.method {
                case "initialize":
                    result = ["protocolVersion": "2025-11-25", "capabilities": ["tools": [:]], "serverInfo": ["name": "echo", "version": "1"]]
                case "tools/list":
                    result = ["tools": [tool]]
                case "tools/call":
                    let order = message.params?["arguments"]?["order"]?.stringValue ?? "?"
                    result = ["content": [["type": "text", "text": .string("\(order): \(history)")]], "isError": false]
                default:
                    result = [:]
                }
                out += JSONWriter().bytes(["jsonrpc": "2.0", "id": id.jsonValue, "result": result]) + [0x0A]
            }
            if !out.isEmpty { writer.write(Data(out)) }
        }
    }
}
