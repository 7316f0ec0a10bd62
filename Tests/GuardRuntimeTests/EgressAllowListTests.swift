import Testing

@testable import GuardRuntime

@Suite("Egress allow-list")
struct EgressAllowListTests {
    @Test(
        "valid entries parse to their canonical form",
        arguments: [
            ("api.example.com:443", "api.example.com:443"),
            ("API.Example.COM.:443", "api.example.com:443"),
            ("*.example.com:443", "*.example.com:443"),
            ("registry.npmjs.org:*", "registry.npmjs.org:*"),
            ("10.0.0.5:8080", "10.0.0.5:8080"),
            ("[::1]:8080", "[::1]:8080"),
            ("[0:0:0:0:0:0:0:1]:8080", "[::1]:8080"),
            ("[2001:DB8::1]:*", "[2001:db8::1]:*"),
            ("localhost:5432", "localhost:5432"),
            ("my_host-1:65535", "my_host-1:65535"),
            (" padded.example:1 ", "padded.example:1"),
        ])
    func positives(entry: String, canonical: String) throws {
        #expect(try EgressAllowList.parseEntry(entry).description == canonical)
    }

    @Test(
        "malformed entries are refused with one error naming the entry",
        arguments: [
            ("", "is empty"),
            ("example.com", "needs a port"),
            ("example.com:", "invalid port"),
            ("example.com:0", "invalid port"),
            ("example.com:65536", "invalid port"),
            ("example.com:+80", "invalid port"),
            ("example.com:080a", "invalid port"),
            ("example.com:443:443", "more than one colon"),
            ("::1:8080", "IPv6 address without brackets"),
            ("[::1]", "needs a port after the address"),
            ("[::1:8080", "no closing ]"),
            ("[not-v6]:80", "invalid IPv6 address"),
            ("[fe80::1%eth0]:80", "invalid IPv6 address"),
            ("*:443", "may use * only"),
            ("*example.com:443", "may use * only"),
            ("api.*.example.com:443", "may use * only"),
            ("*.*.example.com:443", "invalid domain after *."),
            ("*.:443", "invalid domain after *."),
            ("127.1:80", "invalid host"),
            ("300.1.1.1:80", "invalid host"),
            ("exa mple.com:80", "invalid host"),
            ("user@example.com:80", "invalid host"),
            ("http://example.com:80", "is a URL"),
            ("example..com:80", "invalid host"),
            ("\(String(repeating: "a", count: 64)).com:80", "invalid host"),
            ("exämple.com:80", "invalid host"),
            ("example.123:80", "invalid host"),
        ])
    func negatives(entry: String, fragment: String) {
        #expect {
            _ = try EgressAllowList([entry])
        } throws: { error in
            let text = String(describing: error)
            return text.hasPrefix("network allow-list entry \(entry.debugDescription) ") && text.contains(fragment)
        }
    }

    @Test("matching: case, trailing dot, whole labels only, ports, addresses by value")
    func matching() throws {
        let list = try EgressAllowList(["api.example.com:443", "*.example.org:443", "files.test:*", "10.0.0.5:8080", "[::1]:9000", "localhost:5432"])
        #expect(list.allows(host: "API.EXAMPLE.COM", port: 443))
        #expect(list.allows(host: "api.example.com.", port: 443))
        #expect(!list.allows(host: "api.example.com", port: 80))
        #expect(!list.allows(host: "www.api.example.com", port: 443))
        #expect(list.allows(host: "a.example.org", port: 443))
        #expect(list.allows(host: "a.b.example.org", port: 443))
        #expect(!list.allows(host: "example.org", port: 443), "a wildcard covers subdomains only")
        #expect(!list.allows(host: "evilexample.org", port: 443))
        #expect(!list.allows(host: "example.org.evil.com", port: 443))
        #expect(list.allows(host: "files.test", port: 1) && list.allows(host: "files.test", port: 65535))
        #expect(list.allows(host: "10.0.0.5", port: 8080))
        #expect(!list.allows(host: "10.0.0.5", port: 8081))
        #expect(!list.allows(host: "10.0.0.05", port: 8080))
        #expect(list.allows(host: "[::1]", port: 9000) && list.allows(host: "0::1", port: 9000))
        #expect(!list.allows(host: "::ffff:10.0.0.5", port: 8080))
        #expect(list.allows(host: "LocalHost.", port: 5432))
        #expect(!list.allows(host: "127.0.0.1", port: 5432), "localhost is a name, not its address")
        #expect(!list.allows(host: "", port: 443))
        #expect(!list.allows(host: "api.example.com:443", port: 443))

        #expect(list.match(host: "10.0.0.5", port: 8080)?.permitsInternalAddresses == true)
        #expect(list.match(host: "localhost", port: 5432)?.permitsInternalAddresses == true)
        #expect(list.match(host: "a.example.org", port: 443)?.permitsInternalAddresses == false)
        #expect(list.match(host: "api.example.com", port: 443)?.permitsInternalAddresses == false)
        #expect(try EgressAllowList([]).allows(host: "example.com", port: 443) == false)
    }

    @Test("internal addresses are recognised in every spelling a resolver can return")
    func internalAddresses() {
        let kinds: [(String, String?)] = [
            ("127.0.0.1", "loopback"), ("127.255.1.2", "loopback"), ("0.0.0.0", "unspecified"), ("10.9.8.7", "private"),
            ("172.16.0.1", "private"), ("172.31.255.255", "private"), ("172.32.0.1", nil), ("192.168.1.1", "private"),
            ("100.64.0.1", "private"), ("169.254.169.254", "link-local"), ("224.0.0.1", "multicast or reserved"),
            ("8.8.8.8", nil), ("::1", "loopback"), ("::", "unspecified"), ("fe80::1", "link-local"), ("fd00::1", "private"),
            ("::ffff:127.0.0.1", "loopback"), ("::ffff:192.168.0.1", "private"), ("::ffff:8.8.8.8", nil),
            ("64:ff9b::a00:1", "private"), ("2606:4700::1111", nil),
        ]
        for (text, kind) in kinds {
            #expect(EgressAddress(text)?.internalKind == kind, "\(text)")
        }
        for text in ["127.1", "0x7f.0.0.1", "2130706433", "01.2.3.4", "1.2.3.4.5", "[::1]", "fe80::1%lo"] {
            #expect(EgressAddress(text) == nil, "\(text)")
        }
    }
}

@Suite("Egress proxy request parsing")
struct ProxyRequestTests {
    static func parse(_ text: String) throws(ProxyRequest.Malformed) -> ProxyRequest {
        try ProxyRequest.parse(Array(text.utf8)[...])
    }

    @Test("absolute-form requests are rewritten to origin form with hop-by-hop and proxy headers gone")
    func originHead() throws {
        let request = try Self.parse(
            "POST http://Example.com:8080?q=1 HTTP/1.1\r\nHost: evil\r\nProxy-Authorization: Basic x\r\nProxy-Connection: keep-alive\r\n"
                + "Connection: keep-alive, X-Secret\r\nX-Secret: 1\r\nKeep-Alive: 5\r\nContent-Length: 3\r\nX-Kept:  v \r\nContent-Type: a/b")
        #expect(request.host == .name("example.com") && request.port == 8080)
        #expect(request.framing == .length(3))
        let head = String(decoding: request.originHead(), as: UTF8.self)
        #expect(head == "POST /?q=1 HTTP/1.1\r\nHost: Example.com:8080\r\nContent-Length: 3\r\nX-Kept:  v \r\nContent-Type: a/b\r\nConnection: close\r\n\r\n")
    }

    @Test("Connection cannot strip the framing headers")
    func connectionKeepsFraming() throws {
        let request = try Self.parse("POST http://a.test/ HTTP/1.1\r\nConnection: content-length, transfer-encoding\r\nContent-Length: 2")
        #expect(String(decoding: request.originHead(), as: UTF8.self).contains("\r\nContent-Length: 2\r\n"))
    }

    @Test("targets: CONNECT needs host:port, plain HTTP defaults to port 80, IPv6 in brackets")
    func targets() throws {
        #expect(try Self.parse("CONNECT [::1]:443 HTTP/1.1").host == .address(EgressAddress("::1")!))
        #expect(try Self.parse("GET http://a.test HTTP/1.0").port == 80)
        #expect(try Self.parse("GET http://a.test HTTP/1.0").form == .absolute(path: "/"))
        #expect(try Self.parse("GET HTTP://[::1]:81/x HTTP/1.1").port == 81)
        for bad in [
            "CONNECT a.test HTTP/1.1", "CONNECT a.test:443/ HTTP/1.1", "GET https://a.test/ HTTP/1.1", "GET ftp://a.test/ HTTP/1.1",
            "GET http://a.test/#x HTTP/1.1", "GET http://::1/ HTTP/1.1", "GET http://a.test:/ HTTP/1.1", "GET  http://a.test/ HTTP/1.1",
            "GET http://a.test/ HTTP/2", "G(T http://a.test/ HTTP/1.1", "GET http://a.test/\u{7F} HTTP/1.1", "GET http://a%2etest/ HTTP/1.1",
            "GET http://a.test/ HTTP/1.1\r\nX: a\u{01}b", "GET http://a.test/ HTTP/1.1\r\n: empty", "GET http://a.test/ HTTP/1.1\r\nX\r\n",
        ] {
            #expect(throws: ProxyRequest.Malformed.self, "\(bad.debugDescription)") { try Self.parse(bad) }
        }
    }

    @Test("chunked framing ends exactly at the last chunk and its trailers")
    func chunked() throws {
        var framing = RequestBodyFraming.chunked
        let body = Array("4;ext=1\r\nwiki\r\nA\r\n0123456789\r\n0\r\nTrailer: x\r\n\r\nGET /smuggled".utf8)
        // Fed a byte at a time, as a slow client would.
        var taken = 0
        for index in body.indices where !framing.isComplete { taken += try framing.take(body[index...index]) }
        #expect(framing.isComplete)
        #expect(String(decoding: body[..<taken], as: UTF8.self).hasSuffix("Trailer: x\r\n\r\n"))

        for bad in ["x\r\n", "4\nwiki\r\n", "4\r\nwikiX\r\n", "\r\n", "ffffffffffffffff0\r\n"] {
            var framing = RequestBodyFraming.chunked
            #expect(throws: RequestBodyFraming.Malformed.self, "\(bad.debugDescription)") { _ = try framing.take(Array(bad.utf8)[...]) }
        }
        var length = RequestBodyFraming.length(3)
        #expect(try length.take(Array("abcdef".utf8)[...]) == 3 && length.isComplete)
    }
}
