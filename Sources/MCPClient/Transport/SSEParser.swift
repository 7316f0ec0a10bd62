/// A Server-Sent Events parser that follows the WHATWG HTML "event stream" interpretation rules.
///
/// Incremental: feed it chunks as they arrive (a CRLF split across two chunks is handled). A line that
/// grows past `maxLineSize` and events past `maxEventSize` end parsing with an error, so a hostile stream
/// cannot exhaust memory.
public struct SSEParser: Sendable {
    public struct Event: Equatable, Sendable {
        /// The `event` field, `message` when absent.
        public var type: String
        public var data: String
        /// The last event ID in force when the event was dispatched.
        public var lastEventID: String
    }

    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    public let maxLineSize: Int
    public let maxEventSize: Int
    /// The reconnection time the stream asked for with `retry:`, in milliseconds.
    public private(set) var retry: Int?
    public private(set) var lastEventID = ""

    private var line: [UInt8] = []
    private var eventType = ""
    private var data: [UInt8] = []
    private var hasData = false
    private var lastWasCR = false
    private var bomChecked = false
    private var bomPrefix: [UInt8] = []

    public init(maxLineSize: Int = 16 * 1024 * 1024, maxEventSize: Int = 16 * 1024 * 1024) {
        self.maxLineSize = maxLineSize
        self.maxEventSize = maxEventSize
    }

    /// Events completed by `bytes`.
    public mutating func feed(_ bytes: some Sequence<UInt8>) throws(Failure) -> [Event] {
        var events: [Event] = []
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        for byte in bytes {
            if !bomChecked {
                // A byte order mark at the very start of the stream is skipped.
                bomPrefix.append(byte)
                if bomPrefix == bom {
                    bomChecked = true
                    bomPrefix = []
                } else if !bom.starts(with: bomPrefix) {
                    bomChecked = true
                    let pending = bomPrefix
                    bomPrefix = []
                    for pendingByte in pending { try consume(pendingByte, &events) }
                }
                continue
            }
            try consume(byte, &events)
        }
        return events
    }

    private mutating func consume(_ byte: UInt8, _ events: inout [Event]) throws(Failure) {
        switch byte {
        case 0x0A where lastWasCR:
            lastWasCR = false  // the LF of a CRLF
        case 0x0A, 0x0D:
            lastWasCR = byte == 0x0D
            try endLine(&events)
        default:
            lastWasCR = false
            line.append(byte)
            if line.count > maxLineSize { throw Failure(description: "an event-stream line exceeds \(maxLineSize) bytes") }
        }
    }

    private mutating func endLine(_ events: inout [Event]) throws(Failure) {
        defer { line.removeAll(keepingCapacity: true) }
        if line.isEmpty {
            dispatch(&events)
            return
        }
        if line.first == UInt8(ascii: ":") { return }  // comment
        let field: [UInt8]
        var value: ArraySlice<UInt8>
        if let colon = line.firstIndex(of: UInt8(ascii: ":")) {
            field = Array(line[..<colon])
            value = line[(colon + 1)...]
            if value.first == UInt8(ascii: " ") { value = value.dropFirst() }
        } else {
            field = line
            value = []
        }
        switch String(decoding: field, as: UTF8.self) {
        case "event":
            eventType = String(decoding: value, as: UTF8.self)
        case "data":
            data.append(contentsOf: value)
            data.append(0x0A)
            hasData = true
            if data.count > maxEventSize { throw Failure(description: "an event exceeds \(maxEventSize) bytes") }
        case "id":
            if !value.contains(0) { lastEventID = String(decoding: value, as: UTF8.self) }
        case "retry":
            if !value.isEmpty, value.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
                retry = Int(String(decoding: value, as: UTF8.self))
            }
        default:
            break  // unknown fields are ignored
        }
    }

    private mutating func dispatch(_ events: inout [Event]) {
        defer {
            data.removeAll(keepingCapacity: true)
            eventType = ""
            hasData = false
        }
        guard hasData else { return }
        if data.last == 0x0A { data.removeLast() }
        events.append(Event(type: eventType.isEmpty ? "message" : eventType, data: String(decoding: data, as: UTF8.self), lastEventID: lastEventID))
    }
}
