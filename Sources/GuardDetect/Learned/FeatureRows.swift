/// The rows the training script learns from, cut exactly as the scorers cut text at run time: one row
/// per tool definition, one per output window. Each row is the count of every hashed feature, the
/// number of occurrences and the structural flags.
public struct FeatureRow: Sendable {
    public var counts: [Int: Int] = [:]
    public var occurrences = 0
    public var flags: StructuralFeature = []

    /// Where the row's text lies, for outputs (the whole text for definitions).
    public var range: Range<String.Index>?
}

public enum FeatureRows {
    /// One row for a definition made of `texts`.
    public static func definition(_ texts: [String]) -> FeatureRow {
        var sink = CountingSink()
        for text in texts { TextFeaturizer().featurize(text, into: &sink) }
        return sink.row
    }

    /// One row per window of an output, as ``OutputWindows`` cuts it.
    public static func output(_ text: String) -> [FeatureRow] {
        let featurizer = TextFeaturizer()
        if text.utf8.count <= OutputWindows.windowBytes {
            var sink = CountingSink()
            featurizer.featurize(text, into: &sink)
            var row = sink.row
            row.range = text.startIndex..<text.endIndex
            return [row]
        }
        let segments = OutputWindows.sentenceRanges(text)
        let rows = segments.map { range -> FeatureRow in
            var sink = CountingSink()
            featurizer.featurize(String(text[range]), into: &sink)
            return sink.row
        }
        return OutputWindows.windows(segments, in: text).map { window in
            var row = FeatureRow()
            for index in window {
                for (feature, count) in rows[index].counts { row.counts[feature, default: 0] += count }
                row.occurrences += rows[index].occurrences
                row.flags.formUnion(rows[index].flags)
            }
            row.range = segments[window.lowerBound].lowerBound..<segments[window.upperBound - 1].upperBound
            return row
        }
    }
}

struct CountingSink: FeatureSink {
    var row = FeatureRow()

    mutating func add(_ index: Int, kind: FeatureKind, _ word: ArraySlice<UInt32>) {
        row.counts[index, default: 0] += 1
        row.occurrences += 1
    }

    mutating func flag(_ flags: StructuralFeature) { row.flags.formUnion(flags) }
}
