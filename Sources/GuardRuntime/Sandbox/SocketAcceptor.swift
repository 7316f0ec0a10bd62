import Dispatch
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The accept loop the egress proxy and the forwarder share: one joinable thread per connection, all of
/// them joined by `stop()`, so a stopped server leaves no thread, descriptor or socket file behind.
///
/// Handlers get the stop pipe's read end and must include it in every wait; that is how `stop()` ends
/// them without closing a descriptor under a thread that still uses it.
final class SocketAcceptor: Sendable {
    typealias Handler = @Sendable (_ client: Int32, _ stop: Int32) -> Void

    private enum Phase { case ready, running, stopped }

    private struct State {
        var phase: Phase = .ready
        var acceptThread: JoinableThread?
        var connections: [Int: JoinableThread] = [:]
        var finished: [Int] = []
        var nextID = 0
    }

    private let listener: Int32
    private let stopPipe: (read: Int32, write: Int32)
    private let threadName: String
    private let maxConnections: Int
    private let handler: Handler
    private let overflow: @Sendable (Int32) -> Void
    private let closed: @Sendable () -> Void
    private let state = Mutex(State())
    private let served = DispatchSemaphore(value: 0)

    /// Takes ownership of `listener`. `overflow` gets a client that finds every slot taken (it runs on the
    /// accept thread and must not block; the acceptor closes the client after it); `closed` runs once the
    /// listener is closed (to remove a socket file).
    init(
        listener: Int32, threadName: String, maxConnections: Int, handler: @escaping Handler,
        overflow: @escaping @Sendable (Int32) -> Void = { _ in }, closed: @escaping @Sendable () -> Void = {}
    ) throws(SocketError) {
        self.listener = listener
        self.threadName = threadName
        self.maxConnections = maxConnections
        self.handler = handler
        self.overflow = overflow
        self.closed = closed
        do { stopPipe = try POSIXSocket.makeStopPipe() } catch {
            close(listener)
            closed()
            throw error
        }
    }

    /// Connections whose handler is still running: what holds a slot once the next accept has reaped the
    /// finished ones. For tests and status, a snapshot.
    var activeConnections: Int {
        state.withLock { state in state.connections.keys.filter { !state.finished.contains($0) }.count }
    }

    /// Serves on a thread of its own.
    func start() throws(SocketError) {
        try state.withLock { (state) throws(SocketError) in
            guard state.phase == .ready else { throw SocketError(message: "already started or stopped") }
            state.acceptThread = try JoinableThread(name: threadName) { [self] in serve() }
            state.phase = .running
        }
    }

    /// Serves on the calling thread until `stop()`.
    func run() throws(SocketError) {
        try state.withLock { (state) throws(SocketError) in
            guard state.phase == .ready else { throw SocketError(message: "already started or stopped") }
            state.phase = .running
        }
        serve()
    }

    /// Ends the accept loop and every connection, and waits for all of their threads. Idempotent.
    func stop() {
        let (previous, acceptThread) = state.withLock { state in
            let previous = state.phase
            state.phase = .stopped
            return (previous, state.acceptThread)
        }
        switch previous {
        case .stopped:
            return
        case .ready:
            close(listener)
            closed()
        case .running:
            var byte: UInt8 = 1
            _ = write(stopPipe.write, &byte, 1)
            if let acceptThread { acceptThread.join() } else { served.wait() }
        }
        close(stopPipe.read)
        close(stopPipe.write)
    }

    private func serve() {
        while true {
            var fds = [pollfd(fd: listener, events: Int16(POLLIN), revents: 0), pollfd(fd: stopPipe.read, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, -1)
            if ready < 0, errno == EINTR { continue }
            if fds[1].revents != 0 { break }
            guard fds[0].revents != 0 else { continue }
            switch POSIXSocket.accept(listener) {
            case .failure(let error):
                // Out of descriptors: back off instead of spinning on a listener that stays readable.
                if error.code == EMFILE || error.code == ENFILE || error.code == ENOBUFS || error.code == ENOMEM {
                    _ = POSIXSocket.wait(stopPipe.read, events: Int16(POLLIN), deadline: .now + .milliseconds(50), stop: stopPipe.read)
                }
            case .success(let client):
                reapFinished()
                dispatch(client)
            }
        }
        close(listener)
        closed()
        let remaining = state.withLock { state in
            let threads = Array(state.connections.values)
            state.connections.removeAll()
            return threads
        }
        for thread in remaining { thread.join() }
        served.signal()
    }

    private func dispatch(_ client: Int32) {
        let id = state.withLock { state -> Int? in
            guard state.connections.count < maxConnections else { return nil }
            defer { state.nextID += 1 }
            return state.nextID
        }
        guard let id else {
            overflow(client)
            close(client)
            return
        }
        let stop = stopPipe.read
        do {
            let thread = try JoinableThread(name: "\(threadName)-c") { [self] in
                handler(client, stop)
                state.withLock { $0.finished.append(id) }
            }
            // Only this thread inserts and reaps, so the record exists before the reap that joins it.
            state.withLock { $0.connections[id] = thread }
        } catch {
            overflow(client)
            close(client)
        }
    }

    private func reapFinished() {
        let done = state.withLock { state -> [JoinableThread] in
            let ids = state.finished
            state.finished.removeAll()
            return ids.compactMap { state.connections.removeValue(forKey: $0) }
        }
        for thread in done { thread.join() }
    }
}
