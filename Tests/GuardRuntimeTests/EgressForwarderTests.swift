import Foundation
import Testing

@testable import GuardRuntime
@testable import MCPClient

/// The forwarder, and what `stop()` leaves behind (nothing).
extension EgressProxyTests {
    @Test("stop() ends every connection and thread, removes the socket file and closes the port")
    func stopLeavesNothing() throws {
        let origin = try TinyOrigin()
        defer { origin.stop() }
        let harness = try ProxyHarness(allow: ["127.0.0.1:\(origin.port)"]) { $0.threadName = "egtest-proxy" }
        defer { harness.stop() }
        let (port, forwarder) = try LoopbackForwarder.start(unixSocket: harness.socketPath, port: 0, threadName: "egtest-fwd")
        defer { forwarder.stop() }

        // An open tunnel through the forwarder, and a head that never ends, straight to the proxy.
        let tunnel = try TestSocket.connect(port: port)
        defer { close(tunnel) }
        TestSocket.sendAll(tunnel, Array("CONNECT 127.0.0.1:\(origin.port) HTTP/1.1\r\n\r\n".utf8))
        #expect(TestSocket.readSome(tunnel).map { String(decoding: $0, as: UTF8.self) } == "HTTP/1.1 200 Connection Established\r\n\r\n")
        let slow = try TestSocket.connect(unix: harness.socketPath)
        defer { close(slow) }
        TestSocket.sendAll(slow, Array("GET http://127.0.0.1".utf8))
        usleep(50_000)
        #expect(threads(named: "egtest-").count >= 5, "\(threads(named: "egtest-"))")

        let started = ContinuousClock.now
        harness.proxy.stop()
        forwarder.stop()
        #expect(ContinuousClock.now - started < .seconds(1))
        #expect(threads(named: "egtest-").isEmpty, "\(threads(named: "egtest-"))")
        #expect(!FileManager.default.fileExists(atPath: harness.socketPath))
        #expect(throws: (any Error).self) { close(try TestSocket.connect(port: port)) }
        #expect(TestSocket.readSome(tunnel) == nil)
        #expect(TestSocket.readSome(slow) == nil)
        let events = harness.events
        #expect(events.count == 2)
        #expect(events.contains { $0.method == "CONNECT" && $0.outcome == .relayed && $0.closing == "proxy stopped" })
        #expect(events.contains { $0.outcome == .malformed("the proxy stopped before a request arrived") })
        harness.proxy.stop()  // idempotent

        // And it can serve again on the same path.
        try harness.proxy.start()
        let again = try TestSocket.exchange(unix: harness.socketPath, "GET http://127.0.0.1:\(origin.port)/again HTTP/1.1\r\n\r\n")
        #expect(again.hasSuffix("path=/again host=127.0.0.1:\(origin.port) body="))
    }

    @Test("the forwarder survives many concurrent connections and clients that vanish")
    func forwarderUnderLoad() throws {
        let origin = try TinyOrigin()
        defer { origin.stop() }
        let harness = try ProxyHarness(allow: ["127.0.0.1:\(origin.port)"])
        defer { harness.stop() }
        let (port, forwarder) = try LoopbackForwarder.start(unixSocket: harness.socketPath)
        defer { forwarder.stop() }

        // Clients that vanish: closed at once, or reset halfway through a head.
        for index in 0..<20 {
            let fd = try TestSocket.connect(port: port)
            if index % 2 == 1 {
                TestSocket.sendAll(fd, Array("GET http://127.0.0.1:\(origin.port)/hal".utf8))
                var linger = linger(l_onoff: 1, l_linger: 0)
                setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<linger>.size))
            }
            close(fd)
        }
        let count = 32
        let answers = Locked<[Int: String]>([:])
        let done = DispatchSemaphore(value: 0)
        for index in 0..<count {
            Thread {
                defer { done.signal() }
                guard let fd = try? TestSocket.connect(port: port) else { return }
                defer { close(fd) }
                TestSocket.sendAll(fd, Array("GET http://127.0.0.1:\(origin.port)/n\(index) HTTP/1.1\r\n\r\n".utf8))
                let answer = TestSocket.readToEnd(fd)
                answers.withLock { $0[index] = answer }
            }.start()
        }
        for _ in 0..<count { done.wait() }
        let all = answers.withLock { $0 }
        #expect(all.count == count)
        for index in 0..<count {
            #expect(all[index]?.hasSuffix("path=/n\(index) host=127.0.0.1:\(origin.port) body=") == true, "\(index): \(all[index] ?? "none")")
        }
        let after = try curl(["--proxy", "http://127.0.0.1:\(port)", "http://127.0.0.1:\(origin.port)/after"])
        #expect(after.output == "path=/after host=127.0.0.1:\(origin.port) body=")
        let events = harness.waitForEvents(20 + count + 1)
        #expect(events.filter { $0.outcome == .relayed }.count == count + 1)
        #expect(events.count == 20 + count + 1)
    }

    @Test("the forwarder answers 502 when the proxy is gone, and builds the proxy environment")
    func forwarderWithoutProxy() throws {
        let (port, forwarder) = try LoopbackForwarder.start(unixSocket: "/tmp/mcpg-egress-absent-\(getpid()).sock")
        defer { forwarder.stop() }
        let fd = try TestSocket.connect(port: port)
        defer { close(fd) }
        TestSocket.sendAll(fd, Array("GET http://example.com/ HTTP/1.1\r\n\r\n".utf8))
        let answer = TestSocket.readToEnd(fd)
        #expect(answer.hasPrefix("HTTP/1.1 502 Bad Gateway\r\n") && answer.contains("the egress proxy is not reachable"))

        let environment = LoopbackForwarder.proxyEnvironment(port: 4321)
        for name in ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"] {
            #expect(environment[name] == "http://127.0.0.1:4321", "\(name)")
        }
        #expect(environment["NO_PROXY"] == "" && environment["no_proxy"] == "")
    }

    @Test("run() serves on the calling thread until stop() is called from another")
    func blockingRun() throws {
        let origin = try TinyOrigin()
        defer { origin.stop() }
        let harness = try ProxyHarness(allow: ["127.0.0.1:\(origin.port)"])
        defer { harness.stop() }
        let forwarder = try LoopbackForwarder(unixSocket: harness.socketPath)
        let returned = Locked(false)
        let thread = Thread {
            try? forwarder.run()
            returned.withLock { $0 = true }
        }
        thread.start()
        let answer = try curl(["--proxy", "http://127.0.0.1:\(forwarder.port)", "http://127.0.0.1:\(origin.port)/run"])
        #expect(answer.output == "path=/run host=127.0.0.1:\(origin.port) body=")
        #expect(!returned.withLock { $0 })
        forwarder.stop()
        // stop() returns once serving has ended; run()'s caller resumes a moment later.
        for _ in 0..<100 where !returned.withLock({ $0 }) { usleep(10_000) }
        #expect(returned.withLock { $0 })
        #expect(throws: (any Error).self) { close(try TestSocket.connect(port: forwarder.port)) }
    }

    @Test("start() refuses a socket path it must not take over, with the reason")
    func badSocketPaths() throws {
        var template = Array("/tmp/mcpg-egress-XXXXXX".utf8CString)
        let directory = String(cString: mkdtemp(&template)!)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "/not-a-socket"
        _ = FileManager.default.createFile(atPath: file, contents: Data("keep".utf8))
        let cases = [
            (file, "exists and is not a socket"),
            (directory + "/" + String(repeating: "s", count: 120), "is too long"),
            (directory + "/missing/egress.sock", "No such file or directory"),
        ]
        for (path, fragment) in cases {
            let proxy = EgressProxy(socketPath: path, allowList: try EgressAllowList([]))
            #expect {
                try proxy.start()
            } throws: { error in
                String(describing: error).hasPrefix("cannot start the egress proxy: ") && String(describing: error).contains(fragment)
            }
        }
        #expect(FileManager.default.contents(atPath: file) == Data("keep".utf8))
    }
}
