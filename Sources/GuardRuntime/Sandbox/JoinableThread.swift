#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A POSIX thread that can be joined, so `stop()` can promise that nothing it started still runs.
///
/// Foundation's `Thread` cannot be joined and Dispatch reuses its threads; a join is the only proof.
final class JoinableThread: Sendable {
    /// The thread id; set once by `pthread_create` before the initialiser returns.
    nonisolated(unsafe) private var handle: pthread_t

    private final class Start {
        let name: String
        let body: @Sendable () -> Void
        init(name: String, body: @escaping @Sendable () -> Void) {
            self.name = name
            self.body = body
        }
    }

    /// Starts `body` on a new thread named `name` (at most 15 bytes show on Linux). The stack is room
    /// for `getaddrinfo`, which can use tens of kilobytes of it.
    init(name: String, stackSize: Int = 1024 * 1024, _ body: @escaping @Sendable () -> Void) throws(SocketError) {
        let start = Unmanaged.passRetained(Start(name: name, body: body)).toOpaque()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, stackSize)
        #if os(Linux)
        var thread = pthread_t()
        let result = pthread_create(&thread, &attributes, { raw in
            JoinableThread.enter(raw!)
            return nil
        }, start)
        #else
        var created: pthread_t?
        let result = pthread_create(&created, &attributes, { raw in
            JoinableThread.enter(raw)
            return nil
        }, start)
        #endif
        guard result == 0 else {
            Unmanaged<Start>.fromOpaque(start).release()
            throw SocketError("pthread_create", code: result)
        }
        #if os(Linux)
        handle = thread
        #else
        handle = created!
        #endif
    }

    private static func enter(_ raw: UnsafeMutableRawPointer) {
        let start = Unmanaged<Start>.fromOpaque(raw).takeRetainedValue()
        #if os(Linux)
        _ = GNUCalls.setThreadName?(pthread_self(), String(start.name.utf8.prefix(15))!)
        #else
        _ = pthread_setname_np(start.name)
        #endif
        start.body()
    }

    /// Waits for the thread to end. Call once, from another thread.
    func join() {
        _ = pthread_join(handle, nil)
    }
}
