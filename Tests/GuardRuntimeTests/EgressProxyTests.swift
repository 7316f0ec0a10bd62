import Foundation
import Testing

@testable import GuardRuntime

/// The egress proxy and the loopback forwarder with real sockets: a real origin on 127.0.0.1, curl as the
/// client, and raw requests for what curl would never send. Serialized: the tests time their answers and
/// open many sockets and threads, and should not compete with each other on a small machine.
@Suite("Egress proxy", .serialized)
struct EgressProxyTests {
    static func forbidden(_ target: String) -> String {
        "mcpguard sandbox: \(target) is not in the network allow-list\n"
    }

    @Test("an allowed 127.0.0.1 GET works through forwarder and proxy, as plain HTTP and through CONNECT")
    func allowedThroughForwarder() throws {
        let origin = try TinyOrigin()
        defer { origin.stop() }
        let harness = try ProxyHarness(allow: ["127.0.0.1:\(origin.port)"])
        defer { harness.stop() }
        let (port, forwarder) = try LoopbackForwarder.start(unixSocket: harness.socketPath)
        defer { forwarder.stop() }
        let proxyURL = "http://127.0.0.1:\(port)"

        let plain = try curl(["--proxy", proxyURL, "http://127.0.0.1:\(origin.port)/hello?x=1"])
        #expect(plain.status == 0, "\(plain.error)")
        #expect(plain.output == "path=/hello?x=1 host=127.0.0.1:\(origin.port) body=")
        let tunnel = try curl(["--proxytunnel", "--proxy", proxyURL, "http://127.0.0.1:\(origin.port)/tunnel"])
        #expect(tunnel.status == 0, "\(tunnel.error)")
        #expect(tunnel.output == "path=/tunnel host=127.0.0.1:\(origin.port) body=")

        // The plain request went upstream in origin form, with the proxy's headers gone.
        let forwarded = origin.waitForRequests(2).first { $0.hasPrefix("GET /hello?x=1 HTTP/1.1\r\n") }
        #expect(forwarded?.contains("\r\nConnection: close\r\n") == true)
        #expect(forwarded?.lowercased().contains("proxy-connection") == false)

        let events = harness.waitForEvents(2)
        #expect(events.count == 2)
        #expect(events.map(\.method).sorted() == ["CONNECT", "GET"])
        for event in events {
            #expect(event.outcome == .relayed && event.allowed)
            #expect(event.host == "127.0.0.1" && event.port == origin.port)
            #expect(event.bytesUp > 0 && event.bytesDown > 0)
        }
        #expect(events.first { $0.method == "GET" }?.status == nil)
        #expect(events.first { $0.method == "CONNECT" }?.status == 200)
    }

    @Test("a port not in the allow-list is refused with 403 and the reason, as plain HTTP and through CONNECT")
    func unlistedPortRefused() throws {
        let origin = try TinyOrigin()
        defer { origin.stop() }
        let other = try TinyOrigin()
        defer { other.stop() }
        let harness = try ProxyHarness(allow: ["127.0.0.1:\(origin.port)"])
        defer { harness.stop() }
        let (port, forwarder) = try LoopbackForwarder.start(unixSocket: harness.socketPath)
        defer { forwarder.stop() }
        let target = "127.0.0.1:\(other.port)"

        let plain = try curl(["--proxy", "http://127.0.0.1:\(port)", "--write-out", "%{http_code}", "http://\(target)/"])
        #expect(plain.output == Self.forbidden(target) + "403")
        let tunnel = try curl(["--proxytunnel", "--proxy", "http://127.0.0.1:\(port)", "http://\(target)/"])
        #expect(tunnel.status == 56)
        #expect(tunnel.error.contains("403"))

        let events = harness.waitForEvents(2)
        #expect(events.map(\.method) == ["GET", "CONNECT"])
        #expect(events.allSatisfy { $0.outcome == .refused(Self.forbidden(target).dropLast().description) && $0.status == 403 && !$0.allowed })
        #expect(events.allSatisfy { $0.bytesUp == 0 && $0.bytesDown == 0 })
        #expect(other.requests.isEmpty)
    }

    @Test("CONNECT to an allowed host on another port, or to the same address spelt differently, is refused")
    func connectOtherPortOrSpelling() throws {
        let origin = try TinyOrigin()
        defer { origin.stop() }
        let harness = try ProxyHarness(allow: ["127.0.0.1:\(origin.port)"])
        defer { harness.stop() }
        let otherPort = origin.port == 65535 ? origin.port - 1 : origin.port + 1
        let cases = [
            ("127.0.0.1:\(otherPort)", "127.0.0.1:\(otherPort)"),
            // The IPv4-mapped IPv6 form reaches the same socket but is not the entry.
            ("[::ffff:127.0.0.1]:\(origin.port)", "[::ffff:127.0.0.1]:\(origin.port)"),
            // A name that resolves to the entry's address is not the entry either.
            ("localhost:\(origin.port)", "localhost:\(origin.port)"),
        ]
        for (target, shown) in cases {
            let answer = try TestSocket.exchange(unix: harness.socketPath, "CONNECT \(target) HTTP/1.1\r\nHost: \(target)\r\n\r\n")
            #expect(answer.hasPrefix("HTTP/1.1 403 Forbidden\r\n"), "\(target): \(answer)")
            #expect(answer.hasSuffix(Self.forbidden(shown)), "\(target): \(answer)")
        }
        let events = harness.waitForEvents(cases.count)
        #expect(events.count == cases.count)
        #expect(events.allSatisfy { $0.method == "CONNECT" && !$0.allowed })
        #expect(origin.requests.isEmpty)
    }

    @Test("the request target decides the destination, never the Host header; origin-form requests are refused")
    func hostHeaderIgnored() throws {
        let origin = try TinyOrigin()
        defer { origin.stop() }
        let harness = try ProxyHarness(allow: ["127.0.0.1:\(origin.port)"])
        defer { harness.stop() }

        // Allowed target, lying Host: forwarded to the target with the target's Host.
        let answer = try TestSocket.exchange(
            unix: harness.socketPath, "GET http://127.0.0.1:\(origin.port)/a HTTP/1.1\r\nHost: evil.example:80\r\nAccept: */*\r\n\r\n")
        #expect(answer.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(answer.hasSuffix("path=/a host=127.0.0.1:\(origin.port) body="))
        let upstream = origin.waitForRequests(1).first ?? ""
        #expect(!upstream.contains("evil.example"))
        #expect(upstream.contains("\r\nAccept: */*\r\n"))

        // Forbidden target, allowed Host: refused for the target.
        let lying = try TestSocket.exchange(
            unix: harness.socketPath, "GET http://evil.example:80/ HTTP/1.1\r\nHost: 127.0.0.1:\(origin.port)\r\n\r\n")
        #expect(lying.hasPrefix("HTTP/1.1 403 Forbidden\r\n") && lying.hasSuffix(Self.forbidden("evil.example:80")))

        // Origin form names no destination but the Host header: refused.
        let originForm = try TestSocket.exchange(unix: harness.socketPath, "GET / HTTP/1.1\r\nHost: 127.0.0.1:\(origin.port)\r\n\r\n")
        #expect(originForm.hasPrefix("HTTP/1.1 400 Bad Request\r\n"))
        #expect(originForm.contains("only absolute-form http:// targets and CONNECT are accepted"))

        // A connection reports when its thread ends, after the client has its answer: the order of events
        // is the order of endings, so each is found by what it says.
        let events = harness.waitForEvents(3)
        #expect(events.count == 3)
        #expect(events.contains { $0.outcome == .relayed && $0.bytesDown == UInt64(answer.utf8.count) })
        #expect(events.contains { $0.outcome == .refused(String(Self.forbidden("evil.example:80").dropLast())) && $0.host == "evil.example" })
        #expect(events.contains { if case .malformed = $0.outcome { true } else { false } }, "\(events)")
        #expect(origin.requests.count == 1)
    }

    @Test("a target with user information is refused, whichever side names the allowed host")
    func userinfoRefused() throws {
        let origin = try TinyOrigin()
        defer { origin.stop() }
        let harness = try ProxyHarness(allow: ["127.0.0.1:\(origin.port)"])
        defer { harness.stop() }
        let targets = [
            "http://127.0.0.1:\(origin.port)@evil.example:80/",
            "http://allowed@127.0.0.1:\(origin.port)/",
            "http://127.0.0.1:\(origin.port)\\@evil.example/",
        ]
        for target in targets {
            let answer = try TestSocket.exchange(unix: harness.socketPath, "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            #expect(answer.hasPrefix("HTTP/1.1 400 Bad Request\r\n"), "\(target)")
            #expect(answer.contains("user information"), "\(target)")
        }
        let connect = try TestSocket.exchange(unix: harness.socketPath, "CONNECT user@127.0.0.1:\(origin.port) HTTP/1.1\r\n\r\n")
        #expect(connect.hasPrefix("HTTP/1.1 400 Bad Request\r\n"))
        let events = harness.waitForEvents(targets.count + 1)
        #expect(events.count == targets.count + 1)
        #expect(events.allSatisfy { !$0.allowed && $0.status == 400 })
        #expect(origin.requests.isEmpty)
    }

    @Test("a header block over 16 KB is refused with 431; one just under passes")
    func headerFlood() throws {
        let origin = try TinyOrigin()
        defer { origin.stop() }
        let harness = try ProxyHarness(allow: ["127.0.0.1:\(origin.port)"])
        defer { harness.stop() }
        let line = "GET http://127.0.0.1:\(origin.port)/ HTTP/1.1\r\n"
        let flood = line + (0..<400).map { "X-Flood-\($0): \(String(repeating: "a", count: 40))\r\n" }.joined() + "\r\n"
        #expect(flood.utf8.count > 16 * 1024)
        let started = ContinuousClock.now
        let answer = try TestSocket.exchange(unix: harness.socketPath, flood)
        #expect(answer.hasPrefix("HTTP/1.1 431 Request Header Fields Too Large\r\n"))
        #expect(answer.contains("mcpguard sandbox: the request head is over 16384 bytes"))
        #expect(ContinuousClock.now - started < .seconds(1))

        // One huge line with no end in sight: refused once the limit is reached, not read forever.
        let endless = try TestSocket.exchange(unix: harness.socketPath, line + "X-Long: " + String(repeating: "b", count: 40_000))
        #expect(endless.hasPrefix("HTTP/1.1 431 "))

        let fits = line + "X-Big: \(String(repeating: "c", count: 15_000))\r\n\r\n"
        let ok = try TestSocket.exchange(unix: harness.socketPath, fits)
        #expect(ok.hasPrefix("HTTP/1.1 200 OK\r\n"))
        let events = harness.waitForEvents(3)
        #expect(events.map(\.status) == [431, 431, nil])
        #expect(origin.waitForRequests(1).count == 1)
    }

    @Test("request smuggling: only the first request of a plain-HTTP connection reaches the upstream")
    func smuggling() throws {
        let origin = try TinyOrigin()
        defer { origin.stop() }
        let harness = try ProxyHarness(allow: ["127.0.0.1:\(origin.port)"])
        defer { harness.stop() }
        let base = "http://127.0.0.1:\(origin.port)"

        // Two pipelined requests in one write.
        let pipelined = "GET \(base)/first HTTP/1.1\r\nHost: x\r\n\r\nGET \(base)/second HTTP/1.1\r\nHost: x\r\n\r\n"
        let one = try TestSocket.exchange(unix: harness.socketPath, pipelined)
        #expect(one.components(separatedBy: "HTTP/1.1 200 OK").count == 2)
        #expect(one.hasSuffix("path=/first host=127.0.0.1:\(origin.port) body="))

        // A second request hidden after a Content-Length body.
        let hidden = "POST \(base)/form HTTP/1.1\r\nContent-Length: 5\r\n\r\nhelloGET /admin HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        let two = try TestSocket.exchange(unix: harness.socketPath, hidden)
        #expect(two.hasSuffix("path=/form host=127.0.0.1:\(origin.port) body=hello"))

        // The same after a chunked body.
        let chunked = "POST \(base)/chunks HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\nGET /admin HTTP/1.1\r\n\r\n"
        let three = try TestSocket.exchange(unix: harness.socketPath, chunked)
        #expect(three.hasSuffix("path=/chunks host=127.0.0.1:\(origin.port) body=5\r\nhello\r\n0\r\n\r\n"))

        let upstream = origin.waitForRequests(3)
        #expect(upstream.count == 3)
        for request in upstream {
            #expect(!request.contains("/second") && !request.contains("/admin"), "\(request)")
        }

        // Framings two parsers could read differently are refused before anything is forwarded.
        let ambiguous = [
            "POST \(base)/ HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            "POST \(base)/ HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!",
            "POST \(base)/ HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
            "POST \(base)/ HTTP/1.1\r\nContent-Length : 5\r\n\r\nhello",
            "POST \(base)/ HTTP/1.1\r\nX-A: 1\r\n Transfer-Encoding: chunked\r\n\r\n",
            "GET \(base)/ HTTP/1.1\nHost: x\n\n",
        ]
        for request in ambiguous {
            let answer = try TestSocket.exchange(unix: harness.socketPath, request)
            #expect(answer.hasPrefix("HTTP/1.1 400 ") || answer.hasPrefix("HTTP/1.1 501 "), "\(request.debugDescription): \(answer)")
        }
        let events = harness.waitForEvents(3 + ambiguous.count)
        #expect(events.count == 3 + ambiguous.count)
        // Events come in the order connections end, so they are counted, not indexed.
        #expect(events.filter { $0.outcome == .relayed }.count == 3)
        #expect(events.filter { !$0.allowed }.count == ambiguous.count)
        #expect(events.contains { $0.outcome == .relayed && $0.closing?.contains("dropped") == true })
        #expect(origin.requests.count == 3)
    }

    @Test("DNS rebinding: a name that resolves to an internal address is refused under a name or wildcard entry")
    func rebinding() throws {
        let origin = try TinyOrigin()
        defer { origin.stop() }
        let port = origin.port
        let harness = try ProxyHarness(allow: ["*.rebind.test:\(port)", "public.test:\(port)", "localhost:\(port)"]) { options in
            options.resolve = { name in
                switch name {
                case "a.rebind.test": [EgressAddress("127.0.0.1")!]
                case "b.rebind.test": [EgressAddress("203.0.113.7")!, EgressAddress("10.1.2.3")!]
                case "c.rebind.test": [EgressAddress("::ffff:127.0.0.1")!]
                case "public.test": [EgressAddress("169.254.169.254")!]
                default: try EgressResolver.system(name)
                }
            }
        }
        defer { harness.stop() }
        let cases = [
            ("a.rebind.test", "127.0.0.1, a loopback"),
            ("b.rebind.test", "10.1.2.3, a private"),
            ("c.rebind.test", "::ffff:127.0.0.1, a loopback"),
            ("public.test", "169.254.169.254, a link-local"),
        ]
        for (name, why) in cases {
            let answer = try TestSocket.exchange(unix: harness.socketPath, "GET http://\(name):\(port)/ HTTP/1.1\r\n\r\n")
            #expect(answer.hasPrefix("HTTP/1.1 403 Forbidden\r\n"), "\(name)")
            #expect(answer.contains("mcpguard sandbox: \(name) resolves to \(why) address"), "\(name): \(answer)")
        }
        // `localhost` itself is trusted to be local (the system resolver answers), in any case and with a dot.
        for name in ["localhost", "LOCALHOST."] {
            let answer = try TestSocket.exchange(unix: harness.socketPath, "GET http://\(name):\(port)/x HTTP/1.1\r\n\r\n")
            #expect(answer.hasPrefix("HTTP/1.1 200 OK\r\n"), "\(name): \(answer)")
            #expect(answer.hasSuffix("path=/x host=\(name):\(port) body="))
        }
        // Events are reported as connections end, which a loaded machine may reorder: match them by host.
        let events = harness.waitForEvents(cases.count + 2)
        for (name, _) in cases {
            #expect(events.contains { event in
                guard case .refused = event.outcome else { return false }
                return event.host == name
            }, "\(name): \(events)")
        }
        #expect(events.filter { $0.outcome == .relayed && $0.host.lowercased().hasPrefix("localhost") }.count == 2, "\(events)")
        #expect(origin.waitForRequests(2).count == 2)
    }

    @Test("an allowed destination that cannot be reached is answered 502 and reported as failed")
    func unreachable() throws {
        let closedPort: UInt16 = try {
            let origin = try TinyOrigin()
            origin.stop()
            usleep(100_000)
            return origin.port
        }()
        let harness = try ProxyHarness(allow: ["127.0.0.1:\(closedPort)", "nowhere.test:*"]) { options in
            options.resolve = { name in throw EgressError("\(name) does not resolve") }
        }
        defer { harness.stop() }
        let refused = try TestSocket.exchange(unix: harness.socketPath, "CONNECT 127.0.0.1:\(closedPort) HTTP/1.1\r\n\r\n")
        #expect(refused.hasPrefix("HTTP/1.1 502 Bad Gateway\r\n"))
        #expect(refused.contains("mcpguard sandbox: cannot connect to 127.0.0.1:\(closedPort): Connection refused"))
        let unknown = try TestSocket.exchange(unix: harness.socketPath, "GET http://nowhere.test/ HTTP/1.1\r\n\r\n")
        #expect(unknown.hasPrefix("HTTP/1.1 502 Bad Gateway\r\n") && unknown.contains("nowhere.test does not resolve"))
        let events = harness.waitForEvents(2)
        #expect(events.allSatisfy { if case .failed = $0.outcome { $0.allowed } else { false } })
    }

    @Test("a destination that never completes the handshake is answered 504 after the connect timeout")
    func connectTimeout() throws {
        // A listener with a backlog of 0 that never accepts: once one connection fills its queue, the
        // kernel drops further handshakes, so a connect hangs like one to a black-holed host.
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) + getsockname(listener, $0, &length) }
        }
        listen(listener, 0)
        let port = UInt16(bigEndian: address.sin_port)
        let filler = try TestSocket.connect(port: port)
        defer { close(filler) }

        let harness = try ProxyHarness(allow: ["127.0.0.1:\(port)"]) { $0.connectTimeout = .milliseconds(300) }
        defer { harness.stop() }
        let started = ContinuousClock.now
        let answer = try TestSocket.exchange(unix: harness.socketPath, "CONNECT 127.0.0.1:\(port) HTTP/1.1\r\n\r\n")
        #expect(answer.hasPrefix("HTTP/1.1 504 Gateway Timeout\r\n"))
        #expect(answer.contains("mcpguard sandbox: cannot connect to 127.0.0.1:\(port): timed out"))
        #expect(ContinuousClock.now - started < .seconds(1))
        #expect(harness.waitForEvents(1).first?.outcome == .failed("mcpguard sandbox: cannot connect to 127.0.0.1:\(port): timed out"))
    }

    @Test("a request head that does not arrive in time gets 408")
    func slowHead() throws {
        let harness = try ProxyHarness(allow: ["127.0.0.1:9"]) { $0.headerTimeout = .milliseconds(300) }
        defer { harness.stop() }
        let started = ContinuousClock.now
        let slow = try TestSocket.exchange(unix: harness.socketPath, "GET http://127.0.0.1")
        #expect(slow.hasPrefix("HTTP/1.1 408 Request Timeout\r\n"))
        #expect(ContinuousClock.now - started >= .milliseconds(300))
        #expect(harness.waitForEvents(1).first?.status == 408)
    }

    @Test("a tunnel with no byte in either direction is closed at the idle timeout")
    func idleTunnel() throws {
        let origin = try TinyOrigin()
        defer { origin.stop() }
        let harness = try ProxyHarness(allow: ["127.0.0.1:\(origin.port)"]) { $0.idleTimeout = .milliseconds(500) }
        defer { harness.stop() }
        let tunnel = try TestSocket.connect(unix: harness.socketPath)
        defer { close(tunnel) }
        TestSocket.sendAll(tunnel, Array("CONNECT 127.0.0.1:\(origin.port) HTTP/1.1\r\n\r\n".utf8))
        #expect(String(decoding: TestSocket.readSome(tunnel) ?? [], as: UTF8.self) == "HTTP/1.1 200 Connection Established\r\n\r\n")
        let started = ContinuousClock.now
        #expect(TestSocket.readSome(tunnel) == nil)
        #expect(ContinuousClock.now - started < .seconds(8))
        #expect(harness.waitForEvents(1).contains { $0.method == "CONNECT" && $0.closing == "idle timeout" })
    }

    @Test("with every slot held, the next connection gets 503 at once; a freed slot is served again")
    func fullHouse() throws {
        let origin = try TinyOrigin()
        defer { origin.stop() }
        let harness = try ProxyHarness(allow: ["127.0.0.1:\(origin.port)"]) { options in
            options.headerTimeout = .seconds(60)
            options.maxConnections = 2
        }
        defer { harness.stop() }
        // Two connections hold both slots (a tunnel and one that never sends its head); wait until the proxy
        // serves both, so the third cannot race the accepts.
        let tunnel = try TestSocket.connect(unix: harness.socketPath)
        defer { close(tunnel) }
        TestSocket.sendAll(tunnel, Array("CONNECT 127.0.0.1:\(origin.port) HTTP/1.1\r\n\r\n".utf8))
        #expect(String(decoding: TestSocket.readSome(tunnel) ?? [], as: UTF8.self) == "HTTP/1.1 200 Connection Established\r\n\r\n")
        var idle = try TestSocket.connect(unix: harness.socketPath)
        defer { if idle >= 0 { close(idle) } }
        #expect(waitUntil { harness.proxy.activeConnections == 2 })

        let started = ContinuousClock.now
        let third = try TestSocket.exchange(unix: harness.socketPath, "GET http://127.0.0.1:\(origin.port)/ HTTP/1.1\r\n\r\n")
        #expect(third.hasPrefix("HTTP/1.1 503 Service Unavailable\r\n"), "events so far: \(harness.events)")
        #expect(third.contains("too many connections (2)"))
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(harness.waitForEvents(1).contains { $0.status == 503 })

        // The idle one leaves; its slot serves the next request.
        close(idle)
        idle = -1
        #expect(waitUntil { harness.proxy.activeConnections == 1 })
        let fourth = try TestSocket.exchange(unix: harness.socketPath, "GET http://127.0.0.1:\(origin.port)/again HTTP/1.1\r\n\r\n")
        #expect(fourth.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(fourth.contains("path=/again"))
    }

    /// Polls `condition` every 10 ms for up to 10 s.
    private func waitUntil(_ condition: () -> Bool) -> Bool {
        for _ in 0..<1000 {
            if condition() { return true }
            usleep(10_000)
        }
        return condition()
    }

    @Test("every connection is reported exactly once, whatever became of it")
    func everyConnectionReported() throws {
        let origin = try TinyOrigin()
        defer { origin.stop() }
        let harness = try ProxyHarness(allow: ["127.0.0.1:\(origin.port)"])
        defer { harness.stop() }
        _ = try TestSocket.exchange(unix: harness.socketPath, "GET http://127.0.0.1:\(origin.port)/ok HTTP/1.1\r\n\r\n")
        _ = try TestSocket.exchange(unix: harness.socketPath, "GET http://127.0.0.1:1/no HTTP/1.1\r\n\r\n")
        _ = try TestSocket.exchange(unix: harness.socketPath, "BREW coffee HTCPCP/1.0\r\n\r\n")
        close(try TestSocket.connect(unix: harness.socketPath))
        let half = try TestSocket.connect(unix: harness.socketPath)
        TestSocket.sendAll(half, Array("CONNECT 127.0.0.1:".utf8))
        close(half)
        let events = harness.waitForEvents(5)
        usleep(100_000)
        #expect(harness.events.count == 5)
        #expect(events.filter { $0.outcome == .relayed }.map(\.port) == [origin.port])
        #expect(events.contains { $0.port == 1 && $0.status == 403 })
        #expect(events.filter { if case .malformed = $0.outcome { true } else { false } }.count == 3)
        #expect(events.allSatisfy { $0.duration < .seconds(2) })
    }
}
