import Foundation
import GuardCore
import Synchronization

/// An MCP server started as a child process, speaking newline-delimited JSON-RPC on stdin/stdout.
///
/// Stdout is read by a dedicated thread (blocking reads, no busy polling) and framed into messages;
/// anything that is not a JSON-RPC message ends the stream with an error quoting it. Stderr is kept as
/// a bounded tail for error messages. `close()` terminates the whole process group.
public final class StdioTransport: MCPTransport {
    public let process: ChildProcess
    public let inbound: AsyncThrowingStream<JSONRPCMessage, any Error>
    private let stderrTail: StderrTail
    private let writeLock = Mutex<Void>(())

    public static let defaultMaxMessageSize = 16 * 1024 * 1024

    public init(command: String, arguments: [String], environment: [String: String], maxMessageSize: Int = defaultMaxMessageSize) throws {
        let process = try ChildProcess(command: command, arguments: arguments, environment: environment)
        self.process = process
        let tail = StderrTail(limit: 16 * 1024)
        self.stderrTail = tail
        let (stream, continuation) = AsyncThrowingStream<JSONRPCMessage, any Error>.makeStream()
        self.inbound = stream
        Self.startReading(process: process, maxMessageSize: maxMessageSize, continuation: continuation, tail: tail)
        Self.startDraining(process.stderr, into: tail)
    }

    public func send(_ message: JSONRPCMessage) async throws {
        var bytes = message.raw
        bytes.append(0x0A)
        let data = Data(bytes)
        try writeLock.withLock { _ in
            guard process.isRunning else { throw TransportError("the server process has exited") }
            do {
                try process.stdin.write(contentsOf: data)
            } catch {
                throw TransportError("cannot write to the server's stdin: \(error.localizedDescription)")
            }
        }
    }

    public func close() async {
        await process.terminate()
    }

    public var diagnostics: String { stderrTail.text }

    private static func startReading(
        process: ChildProcess, maxMessageSize: Int, continuation: AsyncThrowingStream<JSONRPCMessage, any Error>.Continuation,
        tail: StderrTail
    ) {
        let handle = process.stdout
        let thread = Thread {
            var framer = LineFramer(maxFrameSize: maxMessageSize)
            let descriptor = handle.fileDescriptor
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            reading: while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                for frame in framer.append(buffer[0..<count]) {
                    switch frame {
                    case .oversized(let size):
                        continuation.finish(throwing: TransportError("the server sent a message of \(size) bytes, over the limit of \(maxMessageSize)"))
                        break reading
                    case .line(let line):
                        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                        do {
                            continuation.yield(try JSONRPCMessage(bytes: line))
                        } catch {
                            let shown = String(decoding: line.prefix(200), as: UTF8.self)
                            continuation.finish(throwing: TransportError("the server wrote something that is not a JSON-RPC message to stdout (\(error)): «\(shown)»"))
                            break reading
                        }
                    }
                }
            }
            // EOF: say how the process ended, giving the reaper a moment to record it.
            var waited = 0
            while process.exitStatus == nil, waited < 50 {
                usleep(10_000)
                waited += 1
            }
            let status = process.exitStatus
            continuation.finish(throwing: TransportError(
                status.map { "the server exited with status \($0)" } ?? "the server closed its stdout"
            ))
        }
        thread.name = "mcpguard-stdout-\(process.pid)"
        thread.start()
    }

    static func startDraining(_ handle: FileHandle, into tail: StderrTail) {
        let thread = Thread {
            let descriptor = handle.fileDescriptor
            var buffer = [UInt8](repeating: 0, count: 16 * 1024)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                tail.append(buffer[0..<count])
            }
        }
        thread.name = "mcpguard-stderr"
        thread.start()
    }
}

/// The last `limit` bytes a child wrote to stderr.
final class StderrTail: Sendable {
    private let bytes = Mutex<[UInt8]>([])
    let limit: Int

    init(limit: Int) { self.limit = limit }

    func append(_ chunk: some Collection<UInt8>) {
        bytes.withLock { buffer in
            buffer.append(contentsOf: chunk)
            if buffer.count > limit { buffer.removeFirst(buffer.count - limit) }
        }
    }

    /// The tail as text, trimmed, with hidden characters made visible.
    var text: String {
        let raw = bytes.withLock { String(decoding: $0, as: UTF8.self) }
        return raw.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
