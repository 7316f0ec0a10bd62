import AsyncHTTPClient
import Foundation
import GuardCore
import GuardDetect
import NIOCore

/// The HTTP-only checks of `mcpguard probe`: session ids (entropy, sequence, reuse, binding to the
/// credentials), rate limiting and CORS. Bounded: five initialize calls, a burst of fifty pings, two CORS
/// requests; every session it opens is ended with DELETE.
public struct HTTPSessionProbe: Sendable {
    public var timeout: Duration = .seconds(5)
    public var sessions = 5
    public var burst = 50
    let client: HTTPClient

    public init(client: HTTPClient = .shared) { self.client = client }

    /// Whether the server refused a request without credentials: what auth-missing's check record says.
    public struct Outcome: Sendable {
        public var checks: [ProbeCheckResult]
        /// HTTP status of an initialize sent without any of the configured headers.
        public var unauthenticatedStatus: Int?
    }

    static let foreignOrigin = "https://mcpguard-cors-check.invalid"

    public func run(url: String, headers: [String: String]) async -> Outcome {
        let anonymous = await post(url: url, headers: [:], body: Self.initialize)
        if let session = anonymous?.headers["mcp-session-id"] { await delete(url: url, headers: [:], session: session) }
        var checks = [await sessionIDs(url: url, headers: headers, anonymousStatus: anonymous?.status)]
        checks.append(await rateLimit(url: url, headers: headers))
        checks.append(await cors(url: url, headers: headers))
        return Outcome(checks: checks, unauthenticatedStatus: anonymous?.status)
    }

    // MARK: Session ids

    func sessionIDs(url: String, headers: [String: String], anonymousStatus: Int?) async -> ProbeCheckResult {
        var ids: [String] = []
        for _ in 0..<sessions {
            guard let response = await post(url: url, headers: headers, body: Self.initialize) else { break }
            if let id = response.headers["mcp-session-id"] { ids.append(id) }
        }
        guard !ids.isEmpty else {
            for id in ids { await delete(url: url, headers: headers, session: id) }
            return .skipped(Rules.probeSessionID, "the server issued no Mcp-Session-Id to \(sessions) initialize calls (stateless)")
        }
        var problems = Self.sessionIDProblems(ids)
        var detail = "compared the Mcp-Session-Id of \(ids.count) initialize calls"
        // Binding: only meaningful when the server demands the credentials the session was issued to.
        if !headers.isEmpty, let status = anonymousStatus, [401, 403].contains(status), let session = ids.first {
            let ping: JSONValue = ["jsonrpc": "2.0", "id": "mcpguard-binding", "method": "ping"]
            let credentialNames = Set(headers.keys.map { $0.lowercased() })
            if let response = await post(url: url, headers: ["Mcp-Session-Id": session], body: ping), (200..<300).contains(response.status) {
                problems.append(ProbeProblem(message: "a session id still works without the credentials it was issued to (\(credentialNames.sorted().joined(separator: ", ")) left out)",
                                             evidence: "HTTP \(response.status) to a ping with only Mcp-Session-Id", key: "binding", severity: .high))
            }
            detail += "; sent one session's ping without its credentials"
        } else {
            detail += "; binding not checked (the server asks for no credentials)"
        }
        for id in ids { await delete(url: url, headers: headers, session: id) }
        return ProbeCheckResult(rule: Rules.probeSessionID.id, ran: true, detail: detail, problems: problems)
    }

    /// What is wrong with a series of session ids: reuse, shortness, a small varying part, a counter.
    public static func sessionIDProblems(_ ids: [String]) -> [ProbeProblem] {
        var problems: [ProbeProblem] = []
        if Set(ids).count < ids.count {
            problems.append(ProbeProblem(message: "the same Mcp-Session-Id was issued to different initialize calls", evidence: Redaction.mask(ids[0]), key: "reused", severity: .high))
        }
        if let short = ids.min(by: { $0.count < $1.count }), short.count < 16 {
            problems.append(ProbeProblem(message: "session ids are too short (\(short.count) characters; at least 16 random ones are needed)", evidence: Redaction.mask(short), key: "short"))
        }
        let distinct = Array(Set(ids))
        guard distinct.count >= 2 else { return problems }
        // The part that differs between ids (shared prefixes and suffixes carry no randomness).
        let prefix = commonPrefix(distinct.map { Array($0) })
        let suffix = commonPrefix(distinct.map { Array($0.dropFirst(prefix).reversed()) })
        let varying = distinct.map { String(Array($0).dropFirst(prefix).dropLast(suffix)) }
        let numbers = varying.compactMap { Int($0) }
        if numbers.count == varying.count {
            let sorted = numbers.sorted()
            if zip(sorted, sorted.dropFirst()).allSatisfy({ $1 - $0 < 1000 }) {
                problems.append(ProbeProblem(message: "session ids are sequential: only a counter changes between them", evidence: ids.prefix(3).map(Redaction.mask).joined(separator: ", "), key: "sequential", severity: .high))
                return problems
            }
        }
        let bits = varying.map(estimatedBits).min() ?? 0
        if bits < 64 {
            problems.append(ProbeProblem(message: "session ids have low entropy (about \(Int(bits)) bits vary between them; at least 128 are expected)", key: "entropy"))
        }
        return problems
    }

    static func commonPrefix(_ strings: [[Character]]) -> Int {
        guard let first = strings.first else { return 0 }
        var length = 0
        while length < first.count, strings.allSatisfy({ $0.count > length && $0[length] == first[length] }) { length += 1 }
        return length
    }

    /// Length times the bits per character of the smallest alphabet the text fits, capped by its Shannon entropy.
    static func estimatedBits(_ text: String) -> Double {
        let alphabet: Double
        if text.allSatisfy(\.isNumber) { alphabet = 10 }
        else if text.allSatisfy(\.isHexDigit) { alphabet = 16 }
        else if text.allSatisfy({ $0.isLetter && $0.isASCII || $0.isNumber }) { alphabet = text.contains(where: \.isUppercase) ? 62 : 36 }
        else { alphabet = 64 }
        let byAlphabet = Double(text.count) * log2(alphabet)
        return min(byAlphabet, SecretScanner.entropy(text) * Double(text.count) * 1.5)
    }

    // MARK: Rate limit

    func rateLimit(url: String, headers: [String: String]) async -> ProbeCheckResult {
        let opened = await post(url: url, headers: headers, body: Self.initialize)
        let session = opened?.headers["mcp-session-id"]
        let sessionHeaders = session.map { headers.merging(["Mcp-Session-Id": $0]) { $1 } } ?? headers
        // A 2025-era server holds requests until the session is initialized.
        _ = await post(url: url, headers: sessionHeaders, body: ["jsonrpc": "2.0", "method": "notifications/initialized"])
        let start = ContinuousClock.now
        var answered = 0
        var limited: String?
        var sent = 0
        // Ten at a time, at most five seconds in all.
        while sent < burst, limited == nil, ContinuousClock.now - start < .seconds(5) {
            let batch = min(10, burst - sent)
            let responses = await withTaskGroup(of: Response?.self) { group in
                // Distinct ids: a server may route answers by id, and a repeated one would stall all but one.
                for index in sent..<(sent + batch) {
                    let ping: JSONValue = ["jsonrpc": "2.0", "id": .string("mcpguard-burst-\(index)"), "method": "ping"]
                    group.addTask { await post(url: url, headers: sessionHeaders, body: ping) }
                }
                var all: [Response?] = []
                for await response in group { all.append(response) }
                return all
            }
            sent += batch
            answered += responses.compactMap { $0 }.count
            for case let response? in responses where limited == nil {
                if [429, 503].contains(response.status) || response.headers["retry-after"] != nil {
                    limited = "HTTP \(response.status)" + (response.headers["retry-after"].map { ", Retry-After: \($0)" } ?? "") + " after \(sent) requests"
                }
            }
        }
        if let session { await delete(url: url, headers: headers, session: session) }
        let elapsed = String(format: "%.1f", (ContinuousClock.now - start).seconds)
        if let limited { return ProbeCheckResult(rule: Rules.probeRateLimit.id, ran: true, detail: "sent up to \(burst) pings; throttled: \(limited)") }
        guard answered * 2 >= sent else {
            return .skipped(Rules.probeRateLimit, "only \(answered) of \(sent) pings were answered within \(elapsed) s, so throttling cannot be told from a slow server")
        }
        return ProbeCheckResult(rule: Rules.probeRateLimit.id, ran: true, detail: "sent \(sent) pings in \(elapsed) s",
                                problems: [ProbeProblem(message: "\(sent) pings in \(elapsed) s met no 429, 503 or Retry-After", key: "burst")])
    }

    // MARK: CORS

    func cors(url: String, headers: [String: String]) async -> ProbeCheckResult {
        var problems: [ProbeProblem] = []
        var preflight = HTTPClientRequest(url: url)
        preflight.method = .OPTIONS
        preflight.headers.replaceOrAdd(name: "Origin", value: Self.foreignOrigin)
        preflight.headers.replaceOrAdd(name: "Access-Control-Request-Method", value: "POST")
        preflight.headers.replaceOrAdd(name: "Access-Control-Request-Headers", value: "content-type, mcp-session-id, authorization")
        var foreign = headers
        foreign["Origin"] = Self.foreignOrigin
        let answers = [("a preflight (OPTIONS)", await execute(preflight)), ("a POST", await post(url: url, headers: foreign, body: Self.initialize))]
        for (what, response) in answers {
            guard let response else { continue }
            if let session = response.headers["mcp-session-id"] { await delete(url: url, headers: headers, session: session) }
            guard let allowed = response.headers["access-control-allow-origin"], allowed == "*" || allowed == Self.foreignOrigin else { continue }
            let credentials = response.headers["access-control-allow-credentials"]?.lowercased() == "true"
            let shape = allowed == "*" ? "Access-Control-Allow-Origin: *" : "the foreign Origin echoed in Access-Control-Allow-Origin"
            problems.append(ProbeProblem(
                message: "\(what) from a foreign Origin is answered with \(shape)" + (credentials ? " and Access-Control-Allow-Credentials: true" : ""),
                evidence: "Origin: \(Self.foreignOrigin) → Access-Control-Allow-Origin: \(allowed)" + (credentials ? ", Access-Control-Allow-Credentials: true" : ""),
                key: "cors:\(what)", severity: credentials ? .high : nil
            ))
        }
        return ProbeCheckResult(rule: Rules.probeCORS.id, ran: answers.contains { $0.1 != nil },
                                detail: answers.contains { $0.1 != nil } ? "sent a preflight and a POST with Origin: \(Self.foreignOrigin)" : "the server did not answer the CORS requests",
                                problems: problems)
    }

    // MARK: HTTP

    struct Response: Sendable {
        let status: Int
        let headers: [String: String]
    }

    static let initialize: JSONValue = [
        "jsonrpc": "2.0", "id": "mcpguard-session", "method": "initialize",
        "params": ["protocolVersion": .string(ProtocolVersion.legacy[0]), "capabilities": [:], "clientInfo": ["name": "mcpguard-probe", "version": .string(MCPGuardVersion.current)]],
    ]

    func post(url: String, headers: [String: String], body: JSONValue) async -> Response? {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        for (name, value) in headers { request.headers.replaceOrAdd(name: name, value: value) }
        request.headers.replaceOrAdd(name: "Content-Type", value: "application/json")
        request.headers.replaceOrAdd(name: "Accept", value: "application/json, text/event-stream")
        request.body = .bytes(ByteBuffer(bytes: JSONWriter().bytes(body)))
        return await execute(request)
    }

    /// Status and headers; the body is read only up to a bound, and an event stream is not waited for.
    func execute(_ request: HTTPClientRequest) async -> Response? {
        let client = self.client
        let limit = timeout
        return await withTaskGroup(of: Response?.self) { group in
            group.addTask {
                guard let response = try? await client.execute(request, timeout: .seconds(Int64(limit.seconds.rounded(.up)))) else { return nil }
                var collected: [String: String] = [:]
                for header in response.headers { collected[header.name.lowercased()] = header.value }
                if !(collected["content-type"] ?? "").hasPrefix("text/event-stream") { _ = try? await response.body.collect(upTo: 1024 * 1024) }
                return Response(status: Int(response.status.code), headers: collected)
            }
            group.addTask {
                try? await Task.sleep(for: limit)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    func delete(url: String, headers: [String: String], session: String) async {
        var request = HTTPClientRequest(url: url)
        request.method = .DELETE
        for (name, value) in headers { request.headers.replaceOrAdd(name: name, value: value) }
        request.headers.replaceOrAdd(name: "Mcp-Session-Id", value: session)
        _ = await execute(request)
    }
}
