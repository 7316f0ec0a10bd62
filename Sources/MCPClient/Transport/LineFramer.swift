import Foundation
import GuardCore

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
    /// The first bytes of the latest oversized frame, so its sender can be answered by id.
    public private(set) var oversizedHead: [UInt8] = []

    public init(maxFrameSize: Int) {
        self.maxFrameSize = maxFrameSize
    }

    /// Frames completed by `bytes`.
    public mutating func append(_ bytes: some Collection<UInt8>) -> [Frame] {
        append(ArraySlice(bytes))
    }

    /// Frames completed by `bytes`. Works a run at a time (up to the next newline, found with `memchr`),
    /// not a byte at a time; concrete rather than generic so callers in other modules get the fast path.
    public mutating func append(_ bytes: ArraySlice<UInt8>) -> [Frame] {
        var frames: [Frame] = []
        bytes.withUnsafeBufferPointer { raw in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            let count = raw.count
            while offset < count {
                let found = memchr(base + offset, 0x0A, count - offset).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base }
                let runEnd = found ?? count
                let run = UnsafeBufferPointer(start: base + offset, count: runEnd - offset)
                if discarding {
                    discardedCount += run.count
                } else if buffer.count + run.count > maxFrameSize {
                    oversizedHead = Array((buffer.prefix(512) + run.prefix(512)).prefix(512))
                    discarding = true
                    discardedCount = buffer.count + run.count
                    buffer.removeAll()
                } else {
                    buffer.append(contentsOf: run)
                }
                guard let found else { break }
                if discarding {
                    frames.append(.oversized(size: discardedCount))
                    discarding = false
                    discardedCount = 0
                } else {
                    if buffer.last == 0x0D { buffer.removeLast() }
                    if !buffer.isEmpty { frames.append(.line(buffer)) }
                }
                buffer.removeAll(keepingCapacity: buffer.count < 1 << 20)
                offset = found + 1
            }
        }
        return frames
    }

    /// The top-level `"id"` of a message from its first bytes (see ``JSONRPCID/sniff(_:)``).
    public static func sniffID(_ head: [UInt8]) -> JSONRPCID? { JSONRPCID.sniff(head) }

    /// Bytes of an unfinished frame when the stream ends.
    public var pending: [UInt8] { buffer }
}
