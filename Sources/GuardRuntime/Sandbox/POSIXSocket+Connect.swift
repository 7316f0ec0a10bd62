#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Non-blocking connects bounded by a deadline and the stop pipe.
extension POSIXSocket {
    /// Connects to a Unix socket, waiting at most until `deadline`.
    static func connectUnix(path: String, deadline: ContinuousClock.Instant, stop: Int32) throws(SocketError) -> Int32 {
        var address = try unixAddress(path)
        let fd = try makeSocket(family: AF_UNIX)
        let length = socklen_t(MemoryLayout<sockaddr_un>.size)
        do {
            try withUnsafePointer(to: &address) { (pointer) throws(SocketError) in
                try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { (raw) throws(SocketError) in
                    try finishConnect(fd, raw, length, deadline: deadline, stop: stop, what: path)
                }
            }
        } catch {
            close(fd)
            throw error
        }
        return fd
    }

    /// Connects to `address`:`port`, waiting at most until `deadline`.
    static func connect(to address: EgressAddress, port: UInt16, deadline: ContinuousClock.Instant, stop: Int32) throws(SocketError) -> Int32 {
        let what = address.bytes.count == 4 ? "\(address):\(port)" : "[\(address)]:\(port)"
        if address.bytes.count == 4 {
            var socketAddress = sockaddr_in()
            socketAddress.sin_family = sa_family_t(AF_INET)
            socketAddress.sin_port = in_port_t(port.bigEndian)
            withUnsafeMutableBytes(of: &socketAddress.sin_addr) { $0.copyBytes(from: address.bytes) }
            #if os(macOS)
            socketAddress.sin_len = UInt8(MemoryLayout<sockaddr_in>.size)
            #endif
            let fd = try makeSocket(family: AF_INET)
            do {
                try withUnsafePointer(to: &socketAddress) { (pointer) throws(SocketError) in
                    try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { (raw) throws(SocketError) in
                        try finishConnect(fd, raw, socklen_t(MemoryLayout<sockaddr_in>.size), deadline: deadline, stop: stop, what: what)
                    }
                }
            } catch {
                close(fd)
                throw error
            }
            return fd
        }
        var socketAddress = sockaddr_in6()
        socketAddress.sin6_family = sa_family_t(AF_INET6)
        socketAddress.sin6_port = in_port_t(port.bigEndian)
        withUnsafeMutableBytes(of: &socketAddress.sin6_addr) { $0.copyBytes(from: address.bytes) }
        #if os(macOS)
        socketAddress.sin6_len = UInt8(MemoryLayout<sockaddr_in6>.size)
        #endif
        let fd = try makeSocket(family: AF_INET6)
        do {
            try withUnsafePointer(to: &socketAddress) { (pointer) throws(SocketError) in
                try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { (raw) throws(SocketError) in
                    try finishConnect(fd, raw, socklen_t(MemoryLayout<sockaddr_in6>.size), deadline: deadline, stop: stop, what: what)
                }
            }
        } catch {
            close(fd)
            throw error
        }
        return fd
    }

    private static func finishConnect(
        _ fd: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t, deadline: ContinuousClock.Instant, stop: Int32, what: String
    ) throws(SocketError) {
        if connectCall(fd, address, length) == 0 { return }
        guard errno == EINPROGRESS || errno == EAGAIN else { throw SocketError("connect \(what)") }
        switch wait(fd, events: Int16(POLLOUT), deadline: deadline, stop: stop) {
        case .timedOut: throw SocketError(message: "connect \(what): timed out", code: ETIMEDOUT)
        case .stopped: throw SocketError(message: "connect \(what): the proxy is stopping", code: ECANCELED)
        case .ready: break
        }
        var failure: Int32 = 0
        var size = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &failure, &size)
        if failure != 0 { throw SocketError("connect \(what)", code: failure) }
    }

    private static func connectCall(_ fd: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 {
        #if os(Linux)
        Glibc.connect(fd, address, length)
        #else
        Darwin.connect(fd, address, length)
        #endif
    }
}
