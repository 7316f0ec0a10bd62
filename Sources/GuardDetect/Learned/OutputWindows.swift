/// How a tool output is cut for the learned model: into segments (lines and sentences, at most
/// ``maxSegmentBytes``), grouped into windows of at most ``windowBytes`` that start every
/// ``strideBytes``, so any passage up to half a window long lies whole inside one window.
///
/// Training cuts texts the same way (`DetectionBenchmark export`), so the model learns what a window
/// of injected text looks like, and an output's score is its best window.
public enum OutputWindows {
    public static let windowBytes = 1024
    public static let strideBytes = 512
    static let maxSegmentBytes = 400

    /// The best window of a text.
    public struct Best: Sendable {
        public let probability: Float
        /// Where the window lies in the text.
        public let range: Range<String.Index>
        public let sums: FeatureSums
    }

    /// Lines and sentences of `text`, as ranges; long runs are cut at a space.
    public static func sentenceRanges(_ text: String) -> [Range<String.Index>] {
        sentenceRanges(text[...])
    }

    /// Lines and sentences of part of a text, as ranges of the whole text.
    public static func sentenceRanges(_ text: Substring) -> [Range<String.Index>] {
        let utf8 = text.utf8
        var ranges: [Range<String.Index>] = []
        var start = utf8.startIndex
        var index = utf8.startIndex
        var lastSpace: String.Index?
        var length = 0
        while index < utf8.endIndex {
            let byte = utf8[index]
            let next = utf8.index(after: index)
            length += 1
            var cut: String.Index?
            if byte == 0x0A {
                cut = next
            } else if byte == 0x2E || byte == 0x21 || byte == 0x3F {
                if next == utf8.endIndex || utf8[next] == 0x20 || utf8[next] == 0x0A { cut = next }
            } else if byte == 0xE3, next < utf8.endIndex, utf8[next] == 0x80,
                      utf8.index(after: next) < utf8.endIndex, utf8[utf8.index(after: next)] == 0x82 {
                cut = utf8.index(index, offsetBy: 3)  // 。
            } else if byte == 0x20 {
                lastSpace = next
            }
            if cut == nil, length >= maxSegmentBytes {
                cut = lastSpace.flatMap { $0 > start ? $0 : nil } ?? next
            }
            if let cut {
                if cut > start { ranges.append(start..<cut) }
                start = cut
                index = cut
                lastSpace = nil
                length = utf8.distance(from: start, to: index)
                continue
            }
            index = next
        }
        if start < utf8.endIndex { ranges.append(start..<utf8.endIndex) }
        return ranges
    }

    /// Windows as ranges of segment indices.
    static func windows(_ segments: [Range<String.Index>], in text: String) -> [Range<Int>] {
        guard !segments.isEmpty else { return [] }
        let utf8 = text.utf8
        let offsets = segments.map { utf8.distance(from: utf8.startIndex, to: $0.lowerBound) }
        let ends = segments.map { utf8.distance(from: utf8.startIndex, to: $0.upperBound) }
        var windows: [Range<Int>] = []
        var nextStart = 0
        for first in segments.indices where offsets[first] >= nextStart || first == 0 {
            var last = first
            while last + 1 < segments.count, ends[last + 1] - offsets[first] <= windowBytes { last += 1 }
            windows.append(first..<(last + 1))
            if last == segments.count - 1 { break }
            nextStart = offsets[first] + strideBytes
        }
        return windows
    }

    /// The window of `text` with the highest probability for model `m`.
    static func best(in text: String, set: LinearModelSet, model m: Int, featurizer: TextFeaturizer) -> Best? {
        if text.utf8.count <= windowBytes {
            let sums = set.sums(text, featurizer: featurizer)
            guard sums.count > 0 else { return nil }
            return Best(probability: set.probability(sums, model: m), range: text.startIndex..<text.endIndex, sums: sums)
        }
        let segments = sentenceRanges(text)
        let segmentSums = segments.map { set.sums(text[$0], featurizer: featurizer) }
        var best: Best?
        for window in windows(segments, in: text) {
            var sums = FeatureSums(models: set.modelCount)
            for index in window { sums.add(segmentSums[index]) }
            guard sums.count > 0 else { continue }
            let probability = set.probability(sums, model: m)
            if best == nil || probability > best!.probability {
                best = Best(probability: probability, range: segments[window.lowerBound].lowerBound..<segments[window.upperBound - 1].upperBound, sums: sums)
            }
        }
        return best
    }
}
