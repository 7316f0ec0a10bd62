import Foundation
import Synchronization
import GuardCore
import GuardPolicy
import MCPClient
import GuardEngine

/// `mcpguard run`: sits between a host (our stdin/stdout) and a stdio server (a child process), passing
/// every line-framed message through a ``GuardPipeline``.
///
/// One thread reads the host, one reads the server, one copies the server's stderr to ours (never to
/// stdout, which is the protocol channel), and one ticks the pipeline's deadlines (timeouts, unanswered
/// asks). Writes to either side are serialised. On host EOF the server's stdin is closed and its output
/// still forwarded until it exits (SIGTERM after ``shutdownGrace``, SIGKILL two seconds later); a server
/// exit or a signal ends its whole tree, which on Linux also dies if mcpguard is killed.
public final class StdioGuard: Sendable {
    let pipeline: GuardPipeline
    let maxMessageSize: Int
    /// One writer at a time per descriptor (the message threads and the timer all write).
    private let stdoutLock = Mutex(())
    private let childLock = Mutex(())
    /// Wakes the deadline thread when a call, confirmation or re-check starts its clock.
    private let waker = DeadlineWaker()

    /// How long the server may take to exit after the host closed stdin before it gets SIGTERM.
    let shutdownGrace: Duration

    public init(pipeline: GuardPipeline, maxMessageSize: Int = 4 * 1024 * 1024, shutdownGrace: Duration = .seconds(3)) {
        self.pipeline = pipeline
        pipeline.deferAudit()  // written after each batch of messages is forwarded (see flushAudit)
        self.maxMessageSize = maxMessageSize
        self.shutdownGrace = shutdownGrace
    }

    /// Runs until the host closes stdin or the server exits; returns the server's exit status.
    public func run(command: String, arguments: [String], environment: [String: String], confinement: ChildProcess.Confinement = .init()) async throws -> Int32 {
        let child = try ChildProcess(command: command, arguments: arguments, environment: environment, confinement: confinement)
        let pipeline = self.pipeline

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
        let serverDone = AsyncStream<Void>.makeStream()
        Thread { [self, child] in
            pump(child.stdout.fileDescriptor, from: .server, child)
            serverDone.continuation.finish()
        }.start()

        // Host stdin → pipeline → server (in a thread: reads block).
        let hostDone = AsyncStream<Void>.makeStream()
        Thread { [self, child] in
            pump(STDIN_FILENO, from: .client, child)
            hostDone.continuation.finish()
        }.start()

        // Deadlines: per-call timeouts and unanswered confirmations, at the time they fall due.
        Thread { [self, child] in
            while waker.wait(until: { pipeline.nextDeadline }) {
                if let due = pipeline.nextDeadline, due <= .now { deliver(pipeline.tick(), child) }
            }
        }.start()

        // Whichever ends first: the host closing stdin, or the server exiting. The server is ended inside
        // the group, since the group waits for its exit watcher before returning.
        let shutdownGrace = self.shutdownGrace
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
            if !first {
                // The spec's order: close the server's stdin, keep forwarding what it still sends (answers to
                // requests already written) until it exits, and only then TERM and KILL.
                child.closeInput()
                let deadline = ContinuousClock.now + shutdownGrace
                while child.isRunning, ContinuousClock.now < deadline {
                    try? await Task.sleep(for: .milliseconds(10))
                }
            }
            await child.terminate(grace: .seconds(2))
            group.cancelAll()
            return first
        }
        // What the server wrote before it exited is still in the pipe: deliver it before returning.
        await withTaskGroup(of: Void.self) { group in
            group.addTask { for await _ in serverDone.stream {} }
            group.addTask { try? await Task.sleep(for: .seconds(2)) }
            await group.next()
            group.cancelAll()
        }
        waker.stop()
        pipeline.finish()
        // The host leaving is a normal end; a server that died on its own reports its status.
        return serverExitedFirst ? (child.exitStatus ?? 0) : 0
    }

    /// Reads line-framed messages from `descriptor` until EOF and sends what the pipeline makes of each.
    /// Reading the host also stops when the server can no longer be written to.
    private func pump(_ descriptor: Int32, from side: GuardPipeline.Side, _ child: ChildProcess) {
        var framer = LineFramer(maxFrameSize: maxMessageSize)
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return }
            var batch = Batch()
            for frame in framer.append(buffer[0..<count]) {
                switch frame {
                case .line(let line):
                    batch.add(side == .client ? pipeline.fromClient(line) : pipeline.fromServer(line))
                case .oversized(let size):
                    if side == .server {
                        FileHandle.standardError.write(Data("mcpguard: dropped a \(size)-byte message from the server (limit \(maxMessageSize))\n".utf8))
                    }
                    batch.add(pipeline.oversized(size: size, head: framer.oversizedHead, from: side, limit: maxMessageSize))
                }
            }
            let written = flush(batch, child)
            pipeline.flushAudit()
            waker.announce(pipeline.nextDeadline)
            if !written, side == .client { return }
        }
    }

    /// Everything one read produced, per side, so a burst of messages costs one write per side.
    struct Batch {
        var toHost: [UInt8] = []
        var toServer: [UInt8] = []

        mutating func add(_ deliveries: [GuardPipeline.Delivery]) {
            for delivery in deliveries {
                switch delivery {
                case .toClient(let bytes): toHost += bytes; toHost.append(0x0A)
                case .toServer(let bytes): toServer += bytes; toServer.append(0x0A)
                }
            }
        }
    }

    /// Writes a batch; false when the server can no longer be written to.
    @discardableResult
    private func flush(_ batch: Batch, _ child: ChildProcess) -> Bool {
        if !batch.toHost.isEmpty { stdoutLock.withLock { _ in _ = Self.writeAll(batch.toHost, to: STDOUT_FILENO) } }
        guard !batch.toServer.isEmpty else { return true }
        return childLock.withLock { _ in Self.writeAll(batch.toServer, to: child.stdin.fileDescriptor) }
    }

    private func deliver(_ deliveries: [GuardPipeline.Delivery], _ child: ChildProcess) {
        var batch = Batch()
        batch.add(deliveries)
        flush(batch, child)
        pipeline.flushAudit()
    }

    /// All of `bytes`, retried on short writes and EINTR; false when the reader is gone.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        bytes.withUnsafeBytes { body in
            var written = 0
            while written < body.count {
                let count = write(descriptor, body.baseAddress! + written, body.count - written)
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
