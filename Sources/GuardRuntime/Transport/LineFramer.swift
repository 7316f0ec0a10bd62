/// Splits a byte stream into newline-delimited frames with a size limit.
///
/// A frame longer than `maxFrameSize` is reported once as oversized and its remaining bytes are dropped
/// up to the next newline, so one huge message cannot exhaust memory or stall the stream. A trailing `\r`
/// is removed (CRLF framing).
public struct LineFramer: Sendable {
    public enum Frame: Equatable, Sendable {
        case line([UInt8])
        case oversized(size: Int)
    }

    public let maxFrameSize: Int
    private var buffer: [UInt8] = []
    private var discarding = false
    private var discardedCount = 0

    public init(maxFrameSize: Int) {
        self.maxFrameSize = maxFrameSize
    }

    /// Frames completed by `bytes`.
    public mutating func append(_ bytes: some Collection<UInt8>) -> [Frame] {
        var frames: [Frame] = []
        for byte in bytes {
            if byte == 0x0A {
                if discarding {
                    frames.append(.oversized(size: discardedCount))
                    discarding = false
                    discardedCount = 0
                } else {
                    if buffer.last == 0x0D { buffer.removeLast() }
                    if !buffer.isEmpty { frames.append(.line(buffer)) }
                }
                buffer.removeAll(keepingCapacity: buffer.count < 1 << 20)
                continue
            }
            if discarding {
                discardedCount += 1
                continue
            }
            buffer.append(byte)
            if buffer.count > maxFrameSize {
                discarding = true
                discardedCount = buffer.count
                buffer.removeAll()
            }
        }
        return frames
    }

    /// Bytes of an unfinished frame when the stream ends.
    public var pending: [UInt8] { buffer }
}
