/// One HTTP/1.1 proxy request head: `CONNECT host:port` or an absolute-form `http://` request.
///
/// Parsed strictly because the proxy is a policy boundary: CRLF line ends only, one space between the
/// request line's parts, no obsolete line folding, no whitespace before a header's colon, no user
/// information or fragment in the target. The *target* names the destination; a `Host:` header never
/// does (the forwarded request's `Host` is rebuilt from the target).
struct ProxyRequest: Sendable {
    enum Form: Sendable, Equatable {
        case connect
        /// The origin-form target (`/path?query`) forwarded upstream.
        case absolute(path: String)
    }

    struct Header: Sendable {
        /// Lower-case.
        let name: String
        let value: String
        /// The line as received (without CRLF), forwarded verbatim.
        let line: ArraySlice<UInt8>
    }

    /// A request the proxy refuses to parse, with the status to answer and a reason to show.
    struct Malformed: Error, Equatable {
        let status: Int
        let reason: String
        init(_ reason: String, status: Int = 400) {
            self.reason = reason
            self.status = status
        }
    }

    let method: String
    let form: Form
    let host: EgressHost
    let port: UInt16
    /// `host[:port]` as the target wrote it, for the forwarded `Host` header.
    let authority: String
    let version: String
    let headers: [Header]
    let framing: RequestBodyFraming

    /// Parses a head: everything before the blank line that ends it (the final CRLF CRLF excluded).
    static func parse(_ head: ArraySlice<UInt8>) throws(Malformed) -> ProxyRequest {
        let lines = try splitLines(head)
        guard let requestLine = lines.first else { throw Malformed("the request line is missing") }
        let parts = requestLine.split(separator: 0x20, omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty }) else { throw Malformed("the request line is malformed") }
        guard parts[0].allSatisfy(isTokenByte) else { throw Malformed("the method is malformed") }
        guard parts[1].allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { throw Malformed("the request target has invalid characters") }
        let method = String(decoding: parts[0], as: UTF8.self)
        let target = String(decoding: parts[1], as: UTF8.self)
        let version = String(decoding: parts[2], as: UTF8.self)
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else { throw Malformed("only HTTP/1.0 and HTTP/1.1 are spoken") }

        var headers: [Header] = []
        for line in lines.dropFirst() {
            guard let first = line.first, first != 0x20, first != 0x09 else { throw Malformed("obsolete header line folding is refused") }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
                line[line.startIndex..<colon].allSatisfy(isTokenByte)
            else { throw Malformed("a header line is malformed") }
            let value = line[(colon + 1)...]
            guard value.allSatisfy({ $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7F) }) else { throw Malformed("a header value has control characters") }
            let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self).lowercased()
            let text = String(decoding: value, as: UTF8.self).trimmingHTTPWhitespace()
            headers.append(Header(name: name, value: text, line: line))
        }

        let form: Form
        let authorityText: Substring
        if method == "CONNECT" {
            guard !target.contains("@") else { throw Malformed("the target carries user information (user@host)") }
            guard !target.contains("/") else { throw Malformed("a CONNECT target must be host:port") }
            form = .connect
            authorityText = Substring(target)
        } else {
            let lower = target.lowercased()
            if lower.hasPrefix("https://") { throw Malformed("an https:// target must be tunnelled with CONNECT") }
            guard lower.hasPrefix("http://") else { throw Malformed("only absolute-form http:// targets and CONNECT are accepted") }
            guard !target.contains("#") else { throw Malformed("the target carries a fragment") }
            let rest = target.dropFirst("http://".count)
            let end = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
            authorityText = rest[..<end]
            guard !authorityText.contains("@") else { throw Malformed("the target carries user information (user@host)") }
            let path = rest[end...]
            form = .absolute(path: path.isEmpty ? "/" : path.hasPrefix("?") ? "/" + path : String(path))
        }
        let (host, port) = try parseAuthority(authorityText, portRequired: form == .connect)
        return ProxyRequest(
            method: method, form: form, host: host, port: port, authority: String(authorityText), version: version,
            headers: headers, framing: form == .connect ? .none : try framing(headers, version: version)
        )
    }

    /// The head forwarded upstream: origin-form target, `Host` from the target, hop-by-hop and `Proxy-*`
    /// headers dropped (and any the `Connection` header names), `Connection: close`.
    func originHead() -> [UInt8] {
        guard case .absolute(let path) = form else { return [] }
        var hopByHop: Set<String> = ["host", "connection", "keep-alive", "te", "upgrade", "proxy-connection"]
        // Named in `Connection`, but never the framing: dropping Content-Length while the proxy still
        // forwarded the body would let that body be read upstream as a second request.
        for header in headers where header.name == "connection" {
            for token in header.value.split(separator: ",") {
                let name = token.trimmingHTTPWhitespace().lowercased()
                if name != "content-length", name != "transfer-encoding" { hopByHop.insert(name) }
            }
        }
        var head = Array("\(method) \(path) \(version)\r\nHost: \(authority)\r\n".utf8)
        for header in headers where !hopByHop.contains(header.name) && !header.name.hasPrefix("proxy-") {
            head += header.line
            head += [0x0D, 0x0A]
        }
        head += Array("Connection: close\r\n\r\n".utf8)
        return head
    }

    // MARK: Parts

    private static func splitLines(_ head: ArraySlice<UInt8>) throws(Malformed) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = head.startIndex
        var index = head.startIndex
        while index < head.endIndex {
            let byte = head[index]
            if byte == 0x0D {
                guard index + 1 < head.endIndex, head[index + 1] == 0x0A else { throw Malformed("a line ends in a bare CR") }
                lines.append(head[start..<index])
                index += 2
                start = index
                continue
            }
            if byte == 0x0A { throw Malformed("a line ends in a bare LF") }
            if byte == 0 { throw Malformed("the head contains a NUL byte") }
            index += 1
        }
        lines.append(head[start..<head.endIndex])
        return lines
    }

    /// `host:port`, `[v6]:port` or (without `portRequired`) `host` with port 80.
    private static func parseAuthority(_ text: Substring, portRequired: Bool) throws(Malformed) -> (EgressHost, UInt16) {
        var hostText = text
        var port: UInt16 = 80
        let close = text.lastIndex(of: "]")
        if let colon = text.lastIndex(of: ":"), close.map({ colon > $0 }) ?? true {
            hostText = text[..<colon]
            guard let value = EgressAllowList.parsePort(text[text.index(after: colon)...]) else { throw Malformed("the target's port is invalid") }
            port = value
        } else if portRequired {
            throw Malformed("a CONNECT target must be host:port")
        }
        if hostText.contains(":"), !hostText.hasPrefix("[") { throw Malformed("an IPv6 target must be in brackets") }
        guard let host = EgressHost(hostText) else { throw Malformed("the target's host is invalid") }
        return (host, port)
    }

    /// Content-Length or chunked, never both, never two different lengths, no other transfer coding.
    private static func framing(_ headers: [Header], version: String) throws(Malformed) -> RequestBodyFraming {
        let lengths = headers.filter { $0.name == "content-length" }.flatMap { $0.value.split(separator: ",", omittingEmptySubsequences: false) }
            .map { $0.trimmingHTTPWhitespace() }
        let codings = headers.filter { $0.name == "transfer-encoding" }
        if !codings.isEmpty {
            guard lengths.isEmpty else { throw Malformed("both Content-Length and Transfer-Encoding are set") }
            guard version == "HTTP/1.1", codings.count == 1, codings[0].value.lowercased() == "chunked" else {
                throw Malformed("only Transfer-Encoding: chunked is supported", status: 501)
            }
            return .chunked
        }
        guard let first = lengths.first else { return .none }
        guard lengths.allSatisfy({ $0 == first }) else { throw Malformed("conflicting Content-Length values") }
        guard (1...18).contains(first.utf8.count), first.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let count = UInt64(first) else {
            throw Malformed("Content-Length is not a number")
        }
        return .length(count)
    }

    /// RFC 9110 tchar: the bytes of a method or header name.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "'"),
            UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "_"),
            UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            true
        default: false
        }
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs (HTTP's optional whitespace).
    func trimmingHTTPWhitespace() -> String {
        let bytes = Array(utf8)
        guard let start = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return "" }
        let end = bytes.lastIndex(where: { $0 != 0x20 && $0 != 0x09 })!
        return String(decoding: bytes[start...end], as: UTF8.self)
    }
}
