/// Where a plain-HTTP request's body ends, so exactly one request reaches the upstream.
///
/// The proxy forwards the body while it streams and stops at its end: whatever the client sends after
/// it (a second, smuggled request) is read and dropped, never forwarded. Chunked bodies are checked
/// strictly (CRLF only, hex sizes, bounded extensions and trailers); a framing error ends the relay.
struct RequestBodyFraming: Sendable, Equatable {
    private enum State: Sendable, Equatable {
        case length(remaining: UInt64)
        case chunkSize(value: UInt64, digits: Int)
        case chunkExtension(value: UInt64, length: Int)
        case chunkSizeLF(value: UInt64)
        case chunkData(remaining: UInt64)
        case chunkDataCR
        case chunkDataLF
        case trailer(lineLength: Int, total: Int)
        case trailerLF(emptyLine: Bool, total: Int)
        case complete
    }

    struct Malformed: Error, Equatable { let reason: String }

    private var state: State

    static let none = RequestBodyFraming(state: .complete)
    static func length(_ count: UInt64) -> RequestBodyFraming { RequestBodyFraming(state: count == 0 ? .complete : .length(remaining: count)) }
    static let chunked = RequestBodyFraming(state: .chunkSize(value: 0, digits: 0))

    private init(state: State) { self.state = state }

    var isComplete: Bool { state == .complete }

    /// Consumes the body's share of `bytes` and returns how many leading bytes belong to the body.
    mutating func take(_ bytes: ArraySlice<UInt8>) throws(Malformed) -> Int {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            switch state {
            case .complete:
                return index - bytes.startIndex
            case .length(let remaining):
                let count = Int(min(remaining, UInt64(bytes.endIndex - index)))
                index += count
                state = remaining == UInt64(count) ? .complete : .length(remaining: remaining - UInt64(count))
            case .chunkData(let remaining):
                let count = Int(min(remaining, UInt64(bytes.endIndex - index)))
                index += count
                state = remaining == UInt64(count) ? .chunkDataCR : .chunkData(remaining: remaining - UInt64(count))
            default:
                try step(bytes[index])
                index += 1
            }
        }
        return index - bytes.startIndex
    }

    private mutating func step(_ byte: UInt8) throws(Malformed) {
        switch state {
        case .chunkSize(let value, let digits):
            if let digit = Self.hexValue(byte) {
                guard digits < 15 else { throw Malformed(reason: "a chunk size is too large") }
                state = .chunkSize(value: value << 4 | UInt64(digit), digits: digits + 1)
            } else if digits > 0, byte == UInt8(ascii: ";") {
                state = .chunkExtension(value: value, length: 0)
            } else if digits > 0, byte == UInt8(ascii: "\r") {
                state = .chunkSizeLF(value: value)
            } else {
                throw Malformed(reason: "a chunk size is not hexadecimal")
            }
        case .chunkExtension(let value, let length):
            if byte == UInt8(ascii: "\r") {
                state = .chunkSizeLF(value: value)
            } else {
                guard byte != UInt8(ascii: "\n"), byte != 0, length < 1024 else { throw Malformed(reason: "a chunk extension is malformed") }
                state = .chunkExtension(value: value, length: length + 1)
            }
        case .chunkSizeLF(let value):
            guard byte == UInt8(ascii: "\n") else { throw Malformed(reason: "a chunk size line does not end in CRLF") }
            state = value == 0 ? .trailer(lineLength: 0, total: 0) : .chunkData(remaining: value)
        case .chunkDataCR:
            guard byte == UInt8(ascii: "\r") else { throw Malformed(reason: "a chunk is longer than its size") }
            state = .chunkDataLF
        case .chunkDataLF:
            guard byte == UInt8(ascii: "\n") else { throw Malformed(reason: "a chunk does not end in CRLF") }
            state = .chunkSize(value: 0, digits: 0)
        case .trailer(let lineLength, let total):
            guard total < 16_384 else { throw Malformed(reason: "the trailer section is over 16384 bytes") }
            if byte == UInt8(ascii: "\r") {
                state = .trailerLF(emptyLine: lineLength == 0, total: total + 1)
            } else {
                guard byte != UInt8(ascii: "\n"), byte != 0 else { throw Malformed(reason: "a trailer line is malformed") }
                state = .trailer(lineLength: lineLength + 1, total: total + 1)
            }
        case .trailerLF(let emptyLine, let total):
            guard byte == UInt8(ascii: "\n") else { throw Malformed(reason: "a trailer line does not end in CRLF") }
            state = emptyLine ? .complete : .trailer(lineLength: 0, total: total + 1)
        case .length, .chunkData, .complete:
            break
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}
