import Foundation
import Testing

@testable import GuardRuntime
@testable import MCPClient

/// A tiny HTTP/1.1 origin on 127.0.0.1 for the egress tests: it answers each connection once with
/// `path=<target> host=<Host header> body=<body>` and records every byte it received on it, so a test can
/// see exactly what the proxy forwarded (and that nothing followed the first request).
final class TinyOrigin: Sendable {
    let port: UInt16
    private let listener: Int32
    private let received = Locked<[String]>([])
    private let running = Locked(true)

    init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) == 0 && getsockname(listener, $0, &length) == 0 }
        }
        port = UInt16(bigEndian: address.sin_port)
        guard bound, listen(listener, 64) == 0 else {
            close(listener)
            throw FixtureError("the test origin cannot listen")
        }
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// What each finished connection delivered, in order of completion.
    var requests: [String] { received.withLock { $0 } }

    /// Waits (briefly) until `count` connections have finished.
    func waitForRequests(_ count: Int) -> [String] {
        for _ in 0..<200 {
            let now = requests
            if now.count >= count { return now }
            usleep(10_000)
        }
        return requests
    }

    /// Ends the accept loop (within 50 ms), which then closes the listener.
    func stop() { running.withLock { $0 = false } }

    private func acceptLoop() {
        defer { close(listener) }
        while running.withLock({ $0 }) {
            var fds = [pollfd(fd: listener, events: Int16(POLLIN), revents: 0)]
            guard poll(&fds, 1, 50) > 0 else { continue }
            let client = accept(listener, nil, nil)
            if client >= 0 { Thread { [self] in answer(client) }.start() }
        }
    }

    private func answer(_ client: Int32) {
        defer { close(client) }
        TestSocket.setTimeout(client, seconds: 10)
        var data: [UInt8] = []
        var headEnd: Int?
        while headEnd == nil, let more = TestSocket.readSome(client) {
            data += more
            headEnd = TestSocket.find([13, 10, 13, 10], in: data)
        }
        guard let end = headEnd else { return record(data) }
        let head = String(decoding: data[..<end], as: UTF8.self)
        let lines = head.components(separatedBy: "\r\n")
        let target = lines[0].split(separator: " ").dropFirst().first.map(String.init) ?? "?"
        func header(_ name: String) -> String? {
            lines.dropFirst().first { $0.lowercased().hasPrefix(name + ":") }.map { String($0.dropFirst(name.count + 1)).trimmingCharacters(in: .whitespaces) }
        }
        var body: [UInt8] = Array(data[(end + 4)...])
        if let length = header("content-length").flatMap(Int.init) {
            while body.count < length, let more = TestSocket.readSome(client) { body += more }
            body = Array(body.prefix(length))
        } else if header("transfer-encoding") == "chunked" {
            while TestSocket.find(Array("0\r\n\r\n".utf8), in: body) == nil, let more = TestSocket.readSome(client) { body += more }
        }
        let text = "path=\(target) host=\(header("host") ?? "-") body=\(String(decoding: body, as: UTF8.self))"
        TestSocket.sendAll(client, Array("HTTP/1.1 200 OK\r\nContent-Length: \(text.utf8.count)\r\nConnection: close\r\n\r\n\(text)".utf8))
        // End our side, then keep everything the proxy still sends until it closes: a smuggled second
        // request would show up here.
        shutdown(client, Int32(SHUT_WR))
        while let more = TestSocket.readSome(client) { data += more }
        record(data)
    }

    private func record(_ data: [UInt8]) {
        let text = String(decoding: data, as: UTF8.self)
        received.withLock { $0.append(text) }
    }
}

/// Blocking client-side socket calls for the tests (independent of the code under test).
enum TestSocket {
    static func setTimeout(_ fd: Int32, seconds: Int) {
        var time = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
    }

    static func connect(port: UInt16) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(port.bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            let code = errno
            close(fd)
            throw FixtureError("connect 127.0.0.1:\(port): \(String(cString: strerror(code)))")
        }
        setTimeout(fd, seconds: 10)
        return fd
    }

    static func connect(unix path: String) throws -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard result == 0 else {
            let code = errno
            close(fd)
            throw FixtureError("connect \(path): \(String(cString: strerror(code)))")
        }
        setTimeout(fd, seconds: 10)
        return fd
    }

    static func sendAll(_ fd: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if written <= 0 { return }
            offset += written
        }
    }

    /// One read; nil at end of stream, on an error or on the timeout.
    static func readSome(_ fd: Int32) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        return count > 0 ? Array(buffer[0..<count]) : nil
    }

    static func readToEnd(_ fd: Int32) -> String {
        var data: [UInt8] = []
        while let more = readSome(fd) { data += more }
        return String(decoding: data, as: UTF8.self)
    }

    /// Sends `request` on a new connection to the Unix socket and returns everything until it closes.
    static func exchange(unix path: String, _ request: String) throws -> String {
        try exchange(unix: path, Array(request.utf8))
    }

    static func exchange(unix path: String, _ request: [UInt8]) throws -> String {
        let fd = try connect(unix: path)
        defer { close(fd) }
        sendAll(fd, request)
        return readToEnd(fd)
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for index in 0...(haystack.count - needle.count) where haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
        return nil
    }
}

/// A proxy on a socket in a private temporary directory, with its events collected.
final class ProxyHarness: Sendable {
    let directory: String
    let socketPath: String
    let proxy: EgressProxy
    private let collected = Locked<[EgressEvent]>([])

    init(allow: [String], configure: (inout EgressProxy.Options) -> Void = { _ in }) throws {
        var template = Array("/tmp/mcpg-egress-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw FixtureError("mkdtemp failed") }
        directory = String(cString: made)
        chmod(directory, 0o700)
        socketPath = directory + "/egress.sock"
        var options = EgressProxy.Options()
        configure(&options)
        let sink = collected
        proxy = EgressProxy(socketPath: socketPath, allowList: try EgressAllowList(allow), options: options) { event in
            sink.withLock { $0.append(event) }
        }
        try proxy.start()
    }

    var events: [EgressEvent] { collected.withLock { $0 } }

    /// Waits (briefly) until `count` events have arrived: a connection reports when it has ended, which
    /// can be a moment after its client saw the answer.
    func waitForEvents(_ count: Int) -> [EgressEvent] {
        for _ in 0..<300 {
            let now = events
            if now.count >= count { return now }
            usleep(10_000)
        }
        return events
    }

    func stop() {
        proxy.stop()
        try? FileManager.default.removeItem(atPath: directory)
    }
}

/// Runs curl with nothing inherited (no proxy variables of the machine) and returns status and output.
func curl(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
    process.arguments = ["--silent", "--show-error", "--max-time", "5"] + arguments
    process.environment = ["PATH": "/usr/bin:/bin"]
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
}

/// Names of this process's threads that start with `prefix` (as the kernel shows them, 15 bytes at most).
func threads(named prefix: String) -> [String] {
    let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
    return tasks.compactMap { task in
        let name = (try? String(contentsOfFile: "/proc/self/task/\(task)/comm", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        return name.flatMap { $0.hasPrefix(prefix) ? $0 : nil }
    }
}
