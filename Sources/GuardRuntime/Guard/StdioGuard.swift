import Foundation
import GuardCore
import GuardPolicy
import Synchronization

/// `mcpguard run`: sits between a host (our stdin/stdout) and a stdio server (a child process), passing
/// every line-framed message through a ``GuardPipeline``.
///
/// One thread reads the host, one reads the server, one copies the server's stderr to ours (never to
/// stdout, which is the protocol channel), and one ticks the pipeline's deadlines (timeouts, unanswered
/// asks). Writes to either side are serialised. Host EOF, a server exit or a signal ends the server's whole
/// process group; on Linux it also dies if mcpguard is killed.
public final class StdioGuard: @unchecked Sendable {
    let pipeline: GuardPipeline
    let maxMessageSize: Int
    private let stdoutLock = NSLock()
    private let childLock = NSLock()
    private let finished = Mutex(false)

    public init(pipeline: GuardPipeline, maxMessageSize: Int = 4 * 1024 * 1024) {
        self.pipeline = pipeline
        self.maxMessageSize = maxMessageSize
    }

    /// Runs until the host closes stdin or the server exits; returns the server's exit status.
    public func run(command: String, arguments: [String], environment: [String: String]) async throws -> Int32 {
        let child = try ChildProcess(command: command, arguments: arguments, environment: environment)
        let pipeline = self.pipeline
        let maxMessageSize = self.maxMessageSize

        // Server stderr → our stderr.
        Thread { [child] in
            var buffer = [UInt8](repeating: 0, count: 16 * 1024)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(child.stderr.fileDescriptor, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                FileHandle.standardError.write(Data(buffer[0..<count]))
            }
        }.start()

        // Server stdout → pipeline → our stdout (or back to the server).
        Thread { [self, child] in
            var framer = LineFramer(maxFrameSize: maxMessageSize)
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(child.stdout.fileDescriptor, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                for frame in framer.append(buffer[0..<count]) {
                    switch frame {
                    case .line(let line):
                        deliver(pipeline.fromServer(line), child)
                    case .oversized(let size):
                        // The client waits for this answer: tell it, by id, why it will not come.
                        let id = LineFramer.sniffID(framer.oversizedHead)
                        pipeline.record(.denied, method: nil, tool: nil, rule: GuardControls.maxSize.id, checklist: GuardControls.maxSize.checklist, size: size, detail: "message from the server over the limit")
                        FileHandle.standardError.write(Data("mcpguard: dropped a \(size)-byte message from the server (limit \(maxMessageSize))\n".utf8))
                        if let id {
                            writeToHost(oversizedError(id: id, size: size, from: "the server").raw)
                        }
                    }
                }
            }
        }.start()

        // Host stdin → pipeline → server (in a thread: reads block).
        let hostDone = AsyncStream<Void>.makeStream()
        Thread { [self, child] in
            var framer = LineFramer(maxFrameSize: maxMessageSize)
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            reading: while true {
                let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                for frame in framer.append(buffer[0..<count]) {
                    switch frame {
                    case .line(let line):
                        if !deliver(pipeline.fromClient(line), child) { break reading }
                    case .oversized(let size):
                        pipeline.record(.denied, method: nil, tool: nil, rule: GuardControls.maxSize.id, checklist: GuardControls.maxSize.checklist, size: size)
                        writeToHost(oversizedError(id: LineFramer.sniffID(framer.oversizedHead), size: size, from: "your client").raw)
                    }
                }
            }
            hostDone.continuation.finish()
        }.start()

        // Deadlines: per-call timeouts and unanswered confirmations.
        Thread { [self, child] in
            while !finished.withLock({ $0 }) {
                usleep(20_000)
                if pipeline.hasDeadlines { deliver(pipeline.tick(), child) }
            }
        }.start()

        // Whichever ends first: the host closing stdin, or the server exiting. The server is ended inside
        // the group, since the group waits for its exit watcher before returning.
        let serverExitedFirst = await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                for await _ in hostDone.stream {}
                return false
            }
            group.addTask {
                _ = await child.waitForExit()
                return true
            }
            let first = await group.next() ?? false
            await child.terminate(grace: .seconds(2))
            group.cancelAll()
            return first
        }
        finished.withLock { $0 = true }
        // The host leaving is a normal end; a server that died on its own reports its status.
        return serverExitedFirst ? (child.exitStatus ?? 0) : 0
    }

    func oversizedError(id: JSONRPCID?, size: Int, from sender: String) -> JSONRPCMessage {
        JSONRPCMessage.errorResponse(id: id, error: JSONRPCErrorObject(
            code: GuardPipeline.ErrorCode.oversized,
            message: "mcpguard refused a \(size)-byte message from \(sender): the limit is \(maxMessageSize) bytes (rule transport.max-size)",
            data: ["rule": .string(GuardControls.maxSize.id)]
        ))
    }

    /// Sends each delivery; false when the server can no longer be written to.
    @discardableResult
    private func deliver(_ deliveries: [GuardPipeline.Delivery], _ child: ChildProcess) -> Bool {
        var serverAlive = true
        for delivery in deliveries {
            switch delivery {
            case .toClient(let bytes): writeToHost(bytes)
            case .toServer(let bytes): serverAlive = writeToServer(bytes, child) && serverAlive
            }
        }
        return serverAlive
    }

    private func writeToHost(_ bytes: [UInt8]) {
        stdoutLock.withLock { _ = Self.writeLine(bytes, to: STDOUT_FILENO) }
    }

    private func writeToServer(_ bytes: [UInt8], _ child: ChildProcess) -> Bool {
        childLock.withLock { Self.writeLine(bytes, to: child.stdin.fileDescriptor) }
    }

    /// `bytes` and a newline in one `writev`, retried until all is written; false when the reader is gone.
    static func writeLine(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var newline: UInt8 = 0x0A
        var written = 0
        let total = bytes.count + 1
        return bytes.withUnsafeBytes { body in
            withUnsafeMutablePointer(to: &newline) { newlinePointer in
                while written < total {
                    var vectors: [iovec] = []
                    if written < bytes.count {
                        vectors.append(iovec(iov_base: UnsafeMutableRawPointer(mutating: body.baseAddress! + written), iov_len: bytes.count - written))
                    }
                    vectors.append(iovec(iov_base: UnsafeMutableRawPointer(newlinePointer), iov_len: 1))
                    let count = writev(descriptor, vectors, Int32(vectors.count))
                    if count < 0 {
                        if errno == EINTR { continue }
                        return false
                    }
                    written += count
                }
                return true
            }
        }
    }
}
