#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failure of a socket call, with the call and the system's reason ("connect: Connection refused").
struct SocketError: Error, CustomStringConvertible {
    let description: String
    let code: Int32

    init(_ call: String, code: Int32 = errno) {
        self.code = code
        description = "\(call): \(String(cString: strerror(code)))"
    }

    init(message: String, code: Int32 = 0) {
        self.code = code
        description = message
    }
}

/// Thin wrappers over the POSIX socket calls the egress proxy and the forwarder need.
///
/// Every socket is close-on-exec (a sandboxed server must not inherit them) and non-blocking; waits go
/// through `poll` together with a *stop* descriptor, so `stop()` can end any wait without racing a
/// `close` against a thread still using the descriptor.
enum POSIXSocket {
    #if os(Linux)
    static let streamType = Int32(SOCK_STREAM.rawValue)
    static let sendFlags = Int32(MSG_NOSIGNAL)
    #else
    static let streamType = SOCK_STREAM
    static let sendFlags: Int32 = 0
    #endif

    /// What a bounded wait saw.
    enum Wait { case ready, timedOut, stopped }

    // MARK: Listening

    /// Binds and listens on a Unix socket at `path` (mode 0600). A stale socket file is replaced; any other
    /// file at the path is an error, never removed.
    static func listenUnix(path: String) throws(SocketError) -> Int32 {
        var address = try unixAddress(path)
        var status = stat()
        if lstat(path, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFSOCK else { throw SocketError(message: "\(path) exists and is not a socket") }
            unlink(path)
        }
        let fd = try makeSocket(family: AF_UNIX)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else {
            let error = SocketError("bind \(path)")
            close(fd)
            throw error
        }
        // The caller's directory is private already; the mode is a second fence.
        chmod(path, 0o600)
        guard listen(fd, 128) == 0 else {
            let error = SocketError("listen \(path)")
            close(fd)
            unlink(path)
            throw error
        }
        return fd
    }

    /// Binds and listens on 127.0.0.1:`port` (0 picks a free port); returns the descriptor and the port.
    static func listenLoopback(port: UInt16) throws(SocketError) -> (fd: Int32, port: UInt16) {
        let fd = try makeSocket(family: AF_INET)
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(port.bigEndian)
        address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
        #if os(macOS)
        address.sin_len = UInt8(MemoryLayout<sockaddr_in>.size)
        #endif
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 128) == 0 else {
            let error = SocketError("bind 127.0.0.1:\(port)")
            close(fd)
            throw error
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, UInt16(bigEndian: actual.sin_port))
    }

    /// Accepts one connection as a non-blocking, close-on-exec descriptor.
    static func accept(_ listener: Int32) -> Result<Int32, SocketError> {
        #if os(Linux)
        let fd: Int32
        if let accept4 = GNUCalls.accept4 {
            fd = accept4(listener, nil, nil, Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue))
        } else {
            fd = Glibc.accept(listener, nil, nil)
            if fd >= 0 { configure(fd) }
        }
        #else
        let fd = Darwin.accept(listener, nil, nil)
        if fd >= 0 { configure(fd) }
        #endif
        return fd >= 0 ? .success(fd) : .failure(SocketError("accept"))
    }

    // MARK: Waiting, reading, writing

    /// Waits until `fd` has `events`, `deadline` passes (nil: never) or `stop` becomes readable.
    static func wait(_ fd: Int32, events: Int16, deadline: ContinuousClock.Instant?, stop: Int32) -> Wait {
        while true {
            var fds = [pollfd(fd: fd, events: events, revents: 0), pollfd(fd: stop, events: Int16(POLLIN), revents: 0)]
            let result = poll(&fds, nfds_t(fds.count), milliseconds(until: deadline))
            if result < 0 {
                if errno == EINTR { continue }
                return .ready  // let the following call report the error
            }
            if fds[1].revents != 0 { return .stopped }
            if result == 0 { return .timedOut }
            return .ready
        }
    }

    /// Milliseconds until `deadline` for `poll` (-1 for none, at least 0).
    static func milliseconds(until deadline: ContinuousClock.Instant?) -> Int32 {
        guard let deadline else { return -1 }
        let left = deadline - .now
        if left <= .zero { return 0 }
        let (seconds, attoseconds) = left.components
        return Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
    }

    /// One `recv`: the count read, 0 at end of stream, -1 with `errno` set.
    static func receive(_ fd: Int32, into buffer: inout [UInt8]) -> Int {
        buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
    }

    /// One `send` without SIGPIPE: the count written or -1 with `errno` set.
    static func send(_ fd: Int32, _ bytes: ArraySlice<UInt8>) -> Int {
        bytes.withUnsafeBytes { raw in
            #if os(Linux)
            Glibc.send(fd, raw.baseAddress, raw.count, sendFlags)
            #else
            Darwin.send(fd, raw.baseAddress, raw.count, sendFlags)
            #endif
        }
    }

    /// Writes all of `bytes`, waiting while the peer's window is full, until `deadline`.
    static func sendAll(_ fd: Int32, _ bytes: [UInt8], deadline: ContinuousClock.Instant, stop: Int32) throws(SocketError) {
        var offset = 0
        while offset < bytes.count {
            let written = send(fd, bytes[offset...])
            if written > 0 {
                offset += written
                continue
            }
            guard written < 0, errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR else { throw SocketError("send") }
            switch wait(fd, events: Int16(POLLOUT), deadline: deadline, stop: stop) {
            case .ready: continue
            case .timedOut: throw SocketError(message: "send: timed out", code: ETIMEDOUT)
            case .stopped: throw SocketError(message: "send: the proxy is stopping", code: ECANCELED)
            }
        }
    }

    /// A pipe whose read end becomes readable, for good, once `signal` writes to it: every waiter sees it.
    static func makeStopPipe() throws(SocketError) -> (read: Int32, write: Int32) {
        var fds: [Int32] = [0, 0]
        #if os(Linux)
        if let pipe2 = GNUCalls.pipe2 {
            guard pipe2(&fds, O_CLOEXEC | O_NONBLOCK) == 0 else { throw SocketError("pipe") }
            return (fds[0], fds[1])
        }
        #endif
        guard pipe(&fds) == 0 else { throw SocketError("pipe") }
        for fd in fds { configure(fd) }
        return (fds[0], fds[1])
    }

    // MARK: Helpers

    static func makeSocket(family: Int32) throws(SocketError) -> Int32 {
        #if os(Linux)
        let fd = socket(family, streamType | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard fd >= 0 else { throw SocketError("socket") }
        #else
        let fd = socket(family, streamType, 0)
        guard fd >= 0 else { throw SocketError("socket") }
        configure(fd)
        #endif
        return fd
    }

    /// Close-on-exec and non-blocking (and no SIGPIPE where `MSG_NOSIGNAL` does not exist).
    private static func configure(_ fd: Int32) {
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        #if os(macOS)
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
    }

    static func unixAddress(_ path: String) throws(SocketError) -> sockaddr_un {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard !bytes.isEmpty, !bytes.contains(0) else { throw SocketError(message: "the socket path is empty or contains NUL") }
        guard bytes.count < capacity else {
            throw SocketError(message: "socket path \(path) is too long (\(bytes.count) bytes; at most \(capacity - 1))")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        return address
    }
}

#if os(Linux)
/// GNU calls the Glibc module does not export (they need `_GNU_SOURCE`), looked up in the C library.
///
/// `accept4` and `pipe2` set close-on-exec atomically: between `accept` and `fcntl` another thread's
/// fork could hand the descriptor to a child.
enum GNUCalls {
    typealias Accept4 = @convention(c) (Int32, UnsafeMutablePointer<sockaddr>?, UnsafeMutablePointer<socklen_t>?, Int32) -> Int32
    typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>?, Int32) -> Int32
    typealias SetName = @convention(c) (pthread_t, UnsafePointer<CChar>?) -> Int32

    static let accept4: Accept4? = lookup("accept4")
    static let pipe2: Pipe2? = lookup("pipe2")
    static let setThreadName: SetName? = lookup("pthread_setname_np")

    private static func lookup<F>(_ name: String) -> F? {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
        return unsafeBitCast(symbol, to: F.self)
    }
}
#endif
