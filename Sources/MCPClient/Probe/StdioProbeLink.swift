import Foundation
import GuardCore

/// A stdio server started for probing. Reads stdout on its own thread into an inbox that `exchange` polls;
/// lines that are not JSON-RPC are skipped rather than ending the link, so one bad answer does not hide
/// how the server handles the next probe. Requests from the server get the answers a scanner gives.
public final class StdioProbeLink: ProbeLink {
    public let process: ChildProcess
    private let inbox = Locked<[JSONRPCMessage]>([])
    private let stderrTail = StderrTail(limit: 16 * 1024)
    private let writeLock = Locked<Void>(())

    public init(command: String, arguments: [String], environment: [String: String], confinement: ChildProcess.Confinement = .init()) throws {
        // A write to a server that has just died must be an error, not the end of mcpguard.
        signal(SIGPIPE, SIG_IGN)
        process = try ChildProcess(command: command, arguments: arguments, environment: environment, confinement: confinement)
        startReading()
        StdioTransport.startDraining(process.stderr, into: stderrTail)
    }

    public var diagnostics: String { stderrTail.text }

    public func exchange(_ bytes: [UInt8], id: JSONRPCID?, timeout: Duration) async -> ProbeReply {
        let mark = inbox.withLock { $0.count }
        let deadline = ContinuousClock.now + timeout
        guard await write(bytes + [0x0A], until: deadline) else {
            return process.isRunning ? .silent : .gone(exitDescription)
        }
        // The reader thread fills the inbox on its own; this task may be scheduled late (a busy process), so
        // the inbox is looked at once more after the deadline before the server is called silent.
        while true {
            let late = ContinuousClock.now >= deadline
            let answer = inbox.withLock { messages in
                messages[mark...].first { message in
                    (message.kind == .response || message.kind == .errorResponse) && (message.id == id || (message.id == nil && message.kind == .errorResponse))
                }
            }
            if let answer {
                if let error = answer.error { return .error(error) }
                return .result(answer.result ?? .null)
            }
            if !process.isRunning { return .gone(exitDescription) }
            if late { return .silent }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    public func notify(_ bytes: [UInt8]) async {
        _ = await write(bytes + [0x0A], until: .now + .seconds(2))
    }

    /// Kills the whole tree at once: probed servers may ignore SIGTERM, and nothing of theirs is worth a grace period.
    public func close() async {
        await process.terminate(grace: .milliseconds(200))
    }

    /// How the server went away, as a predicate ("exited with status 3").
    var exitDescription: String {
        let status = process.exitStatus
        return status.map { $0 > 128 ? "was killed by signal \($0 - 128)" : "exited with status \($0)" } ?? "closed its stdout"
    }

    /// Writes on a thread of its own, so a server that stops reading its stdin (a full pipe) cannot block
    /// the probe past `deadline`; the thread ends when the process is killed.
    private func write(_ bytes: [UInt8], until deadline: ContinuousClock.Instant) async -> Bool {
        let done = Locked<Bool?>(nil)
        let descriptor = process.stdin.fileDescriptor
        let lock = writeLock
        let thread = Thread {
            let ok = lock.withLock { _ in
                bytes.withUnsafeBytes { raw -> Bool in
                    var offset = 0
                    while offset < raw.count {
                        let count = Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                        if count < 0 { if errno == EINTR { continue }; return false }
                        offset += count
                    }
                    return true
                }
            }
            done.withLock { $0 = ok }
        }
        thread.start()
        while true {
            let late = ContinuousClock.now >= deadline
            if let ok = done.withLock({ $0 }) { return ok }
            if late { return false }
            try? await Task.sleep(for: .milliseconds(5))
        }
    }

    private func startReading() {
        let descriptor = process.stdout.fileDescriptor
        let inbox = self.inbox
        let process = self.process
        let writeLock = self.writeLock
        let thread = Thread {
            var framer = LineFramer(maxFrameSize: 32 * 1024 * 1024)
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                for case .line(let line) in framer.append(buffer[0..<count]) {
                    guard let message = try? JSONRPCMessage(bytes: line) else { continue }
                    if message.kind == .request {
                        var answer = MCPClientSession.answer(message).raw
                        answer.append(0x0A)
                        writeLock.withLock { _ in _ = answer.withUnsafeBytes { Foundation.write(process.stdin.fileDescriptor, $0.baseAddress, $0.count) } }
                    } else if message.kind != .notification {
                        inbox.withLock { $0.append(message) }
                    }
                }
            }
        }
        thread.name = "mcpguard-probe-stdout-\(process.pid)"
        thread.start()
    }
}
