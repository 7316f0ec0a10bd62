import Crypto
import Foundation
import GuardCore

/// One decision of the guard, as a line of the audit log.
///
/// Records are hash-chained: `hash` is SHA-256 over the previous record's hash and this record's canonical
/// JSON (without `hash` and `hmac`), so any edit, insertion, deletion or reordering inside the chain breaks
/// it at a point `mcpguard audit verify` can name. With a key, `hmac` (HMAC-SHA256 of `hash`) also stops
/// someone without the key from rewriting the whole chain consistently.
public struct AuditRecord: Sendable, Equatable {
    public enum Decision: String, Sendable, CaseIterable {
        case allowed, denied, rewritten, redacted, asked, answered, withheld, error
    }

    public var sequence: Int
    public var time: String
    public var server: String
    public var method: String?
    public var tool: String?
    public var decision: Decision
    public var rule: String?
    public var checklist: [String]
    public var requestSize: Int?
    public var responseSize: Int?
    /// A redacted summary of the arguments (names and shapes, secrets masked), never the raw values.
    public var arguments: String?
    public var detail: String?
    public var previous: String
    public var hash: String
    public var hmac: String?

    public static let genesis = String(repeating: "0", count: 64)

    public init(
        sequence: Int, time: String, server: String, method: String?, tool: String?, decision: Decision, rule: String?,
        checklist: [String], requestSize: Int? = nil, responseSize: Int? = nil, arguments: String? = nil, detail: String? = nil,
        previous: String
    ) {
        self.sequence = sequence
        self.time = time
        self.server = server
        self.method = method
        self.tool = tool
        self.decision = decision
        self.rule = rule
        self.checklist = checklist
        self.requestSize = requestSize
        self.responseSize = responseSize
        self.arguments = arguments
        self.detail = detail
        self.previous = previous
        self.hash = ""
        self.hmac = nil
    }

    /// The record's content without `hash` and `hmac`: what the hash covers.
    var content: JSONValue {
        var object = JSONObject()
        object["seq"] = .number(JSONNumber(sequence))
        object["time"] = .string(time)
        object["server"] = .string(server)
        if let method { object["method"] = .string(method) }
        if let tool { object["tool"] = .string(tool) }
        object["decision"] = .string(decision.rawValue)
        if let rule { object["rule"] = .string(rule) }
        object["checklist"] = .array(checklist.map(JSONValue.string))
        if requestSize != nil || responseSize != nil {
            var sizes = JSONObject()
            if let requestSize { sizes["request"] = .number(JSONNumber(requestSize)) }
            if let responseSize { sizes["response"] = .number(JSONNumber(responseSize)) }
            object["sizes"] = .object(sizes)
        }
        if let arguments { object["arguments"] = .string(arguments) }
        if let detail { object["detail"] = .string(detail) }
        object["prev"] = .string(previous)
        return .object(object)
    }

    /// SHA-256 of `prev` and the canonical content.
    public func computedHash() -> String {
        var bytes = Array(previous.utf8)
        bytes.append(0x0A)
        bytes += CanonicalJSON.bytes(content)
        return Hex.encode(SHA256.hash(data: bytes))
    }

    /// The hex SHA-256 of raw bytes (what an audit record says about a message it does not copy).
    public static func digest(_ bytes: [UInt8]) -> String {
        Hex.encode(SHA256.hash(data: bytes))
    }

    static func mac(_ hash: String, key: SymmetricKey) -> String {
        Hex.encode(HMAC<SHA256>.authenticationCode(for: Data(hash.utf8), using: key))
    }

    /// `CanonicalJSON.bytes(content)`, written directly in canonical key order: a record is written for
    /// every message, and building, hashing and sorting a dictionary for each cost more than the rest.
    var canonicalContent: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256 + (arguments?.utf8.count ?? 0) + (detail?.utf8.count ?? 0))
        func key(_ name: String, first: Bool = false) {
            if !first { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "\""))
            out += Array(name.utf8)
            out += Array("\":".utf8)
        }
        out.append(UInt8(ascii: "{"))
        var first = true
        if let arguments {
            key("arguments", first: first)
            first = false
            CanonicalJSON.writeString(arguments, into: &out)
        }
        key("checklist", first: first)
        out.append(UInt8(ascii: "["))
        for (index, item) in checklist.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            CanonicalJSON.writeString(item, into: &out)
        }
        out.append(UInt8(ascii: "]"))
        key("decision")
        CanonicalJSON.writeString(decision.rawValue, into: &out)
        if let detail {
            key("detail")
            CanonicalJSON.writeString(detail, into: &out)
        }
        if let method {
            key("method")
            CanonicalJSON.writeString(method, into: &out)
        }
        key("prev")
        CanonicalJSON.writeString(previous, into: &out)
        if let rule {
            key("rule")
            CanonicalJSON.writeString(rule, into: &out)
        }
        key("seq")
        out += Array(String(sequence).utf8)
        key("server")
        CanonicalJSON.writeString(server, into: &out)
        if requestSize != nil || responseSize != nil {
            key("sizes")
            out.append(UInt8(ascii: "{"))
            if let requestSize { out += Array("\"request\":\(requestSize)".utf8) }
            if let responseSize { out += Array("\(requestSize == nil ? "" : ",")\"response\":\(responseSize)".utf8) }
            out.append(UInt8(ascii: "}"))
        }
        key("time")
        CanonicalJSON.writeString(time, into: &out)
        if let tool {
            key("tool")
            CanonicalJSON.writeString(tool, into: &out)
        }
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// The sealed record and its JSON line (no newline), the content encoded once: the line is the
    /// canonical content with `hash` (and `hmac`) added, which parses back to the same record.
    public func sealedLine(key: SymmetricKey?) -> (record: AuditRecord, line: [UInt8]) {
        let canonical = canonicalContent
        var hashed = Array(previous.utf8)
        hashed.append(0x0A)
        hashed += canonical
        var record = self
        record.hash = Hex.encode(SHA256.hash(data: hashed))
        record.hmac = key.map { Self.mac(record.hash, key: $0) }
        var line = canonical
        line.removeLast()  // the closing brace
        line += Array(",\"hash\":\"\(record.hash)\"".utf8)
        if let hmac = record.hmac { line += Array(",\"hmac\":\"\(hmac)\"".utf8) }
        line.append(UInt8(ascii: "}"))
        return (record, line)
    }

    /// The sealed record: hash (and HMAC with a key) filled in.
    public func sealed(key: SymmetricKey?) -> AuditRecord {
        var record = self
        record.hash = computedHash()
        record.hmac = key.map { Self.mac(record.hash, key: $0) }
        return record
    }

    /// One JSON line (no newline).
    public var line: String {
        var object = content.objectValue!
        object["hash"] = .string(hash)
        if let hmac { object["hmac"] = .string(hmac) }
        return JSONWriter().string(.object(object))
    }

    /// Parses a line; nil when it is not a record.
    public init?(line: String) {
        guard let value = try? JSONParser.parse(line), let object = value.objectValue,
            let sequence = object["seq"]?.numberValue?.intValue, let time = object["time"]?.stringValue,
            let server = object["server"]?.stringValue, let decision = object["decision"]?.stringValue.flatMap(Decision.init(rawValue:)),
            let previous = object["prev"]?.stringValue, let hash = object["hash"]?.stringValue
        else { return nil }
        self.init(
            sequence: sequence, time: time, server: server, method: object["method"]?.stringValue, tool: object["tool"]?.stringValue,
            decision: decision, rule: object["rule"]?.stringValue, checklist: object["checklist"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            requestSize: object["sizes"]?["request"]?.numberValue?.intValue, responseSize: object["sizes"]?["response"]?.numberValue?.intValue,
            arguments: object["arguments"]?.stringValue, detail: object["detail"]?.stringValue, previous: previous
        )
        self.hash = hash
        self.hmac = object["hmac"]?.stringValue
    }
}
