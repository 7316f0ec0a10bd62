import Foundation

/// Logistic-regression models over ``TextFeaturizer``'s features, several sharing one pass over the text.
///
/// A text's score for model *m* is `bias + Σ w[h] / √n + Σ s[f]` over its `n` hashed feature occurrences
/// `h` and its structural flags `f`, squashed by the logistic function into a probability. Dividing by
/// `√n` instead of counting keeps long and short texts comparable; because the sums are additive, a
/// window of text is scored by adding the sums of its pieces. Weights are trained by
/// `Benchmarks/Corpus/train.py` and shipped as data (``LearnedModels``); nothing here does I/O.
public struct LinearModelSet: Sendable {
    /// One model of the set: its name, intercept and decision thresholds.
    public struct Model: Sendable {
        public let name: String
        public let bias: Float
        /// Probability at and above which a text is reported (chosen on held-out folds of the training data).
        public let threshold: Float
        /// Probability at and above which the finding is `high`.
        public let highThreshold: Float
    }

    public let models: [Model]
    /// Hashed weights as shipped, int8 and interleaved: the weight of feature `h` for model `m` is
    /// `Float(hashed[h * models.count + m]) * scales[m]`. Kept as int8 so the tables stay in a core's
    /// cache (256 KiB per model instead of 1 MiB), and summed as integers: one multiplication per text.
    let hashed: [Int8]
    /// Per-model scale of the int8 weights.
    let scales: [Float]
    /// Structural weights, `structural[f * models.count + m]`.
    let structural: [Float]

    public var modelCount: Int { models.count }

    /// Tells model sets apart (for caches of sums computed with one of them).
    private final class Token: Sendable {}
    private let token = Token()
    var identity: ObjectIdentifier { ObjectIdentifier(token) }

    public struct DataError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Reads the binary model format that `train.py` writes (little-endian):
    /// `MGLM1`, model count (u8), hash bits (u8), structural count (u16), then per model a name
    /// (u8 length + UTF-8), bias, threshold, high threshold and int8 scale (f32 each) and its structural
    /// weights (f32), then the hashed weights as int8, interleaved by feature.
    public init(data: [UInt8]) throws {
        var reader = ByteReader(bytes: data)
        guard reader.take(5) == Array("MGLM1".utf8) else { throw DataError(description: "not a model file (magic)") }
        let count = Int(try reader.u8())
        let bits = Int(try reader.u8())
        let structuralCount = Int(try reader.u16())
        guard count > 0, bits == TextFeaturizer.hashBits, structuralCount == StructuralFeature.count else {
            throw DataError(description: "model was trained for other features (\(bits) hash bits, \(structuralCount) flags)")
        }
        var models: [Model] = []
        var scales: [Float] = []
        var structural = [Float](repeating: 0, count: structuralCount * count)
        for m in 0..<count {
            let nameLength = Int(try reader.u8())
            let name = String(decoding: reader.take(nameLength), as: UTF8.self)
            let bias = try reader.f32(), threshold = try reader.f32(), high = try reader.f32(), scale = try reader.f32()
            for f in 0..<structuralCount { structural[f * count + m] = try reader.f32() }
            models.append(Model(name: name, bias: bias, threshold: threshold, highThreshold: high))
            scales.append(scale)
        }
        let dimension = TextFeaturizer.hashedDimension
        let raw = reader.take(dimension * count)
        guard raw.count == dimension * count else { throw DataError(description: "model file is truncated") }
        self.models = models
        self.hashed = raw.map { Int8(bitPattern: $0) }
        self.scales = scales
        self.structural = structural
    }

    /// Reads a model set from base64 text (how ``LearnedModels`` ships them).
    public init(base64: String) throws {
        guard let data = Data(base64Encoded: base64, options: .ignoreUnknownCharacters) else {
            throw DataError(description: "model data is not base64")
        }
        try self.init(data: [UInt8](data))
    }

    /// The probability each model gives `sums`.
    public func probabilities(_ sums: FeatureSums) -> [Float] {
        (0..<models.count).map { probability(sums, model: $0) }
    }

    public func probability(_ sums: FeatureSums, model m: Int) -> Float {
        var z = models[m].bias
        if sums.count > 0 { z += sums.dots[m] / Float(sums.count).squareRoot() }
        for flag in sums.flags.indices { z += structural[flag * models.count + m] }
        return 1 / (1 + Foundation.exp(-z))
    }

    /// The structural weight of `flag` for model `m`, for explanations.
    func structuralWeight(_ flag: Int, model m: Int) -> Float { structural[flag * models.count + m] }

    @inline(__always)
    func weight(_ index: Int, model m: Int) -> Float { Float(hashed[index &* models.count &+ m]) * scales[m] }

    /// Feature sums of `text` for every model of the set.
    public func sums(_ text: String, featurizer: TextFeaturizer = TextFeaturizer()) -> FeatureSums {
        sums(text[...], featurizer: featurizer)
    }

    /// Feature sums of part of a text, read in place.
    public func sums(_ text: Substring, featurizer: TextFeaturizer = TextFeaturizer()) -> FeatureSums {
        var sink = ScoringSink(set: self)
        featurizer.featurize(text, into: &sink)
        return sink.sums
    }
}

/// The additive part of a linear score: per-model weight sums, the number of feature occurrences and
/// the structural flags seen. Sums of pieces add up to the sums of the whole.
public struct FeatureSums: Sendable {
    public var dots: [Float]
    public var count: Int
    public var flags: StructuralFeature

    public init(models: Int) {
        dots = [Float](repeating: 0, count: models)
        count = 0
        flags = []
    }

    public mutating func add(_ other: FeatureSums) {
        for m in dots.indices { dots[m] += other.dots[m] }
        count += other.count
        flags.formUnion(other.flags)
    }
}

/// Adds each feature's weights as the featurizer reports it: int8 weights into integer sums (exact, and
/// no array is written per feature), scaled once when the sums are read.
struct ScoringSink: FeatureSink {
    let set: LinearModelSet
    private let stride: Int
    private var first = 0
    private var second = 0
    private var rest: [Int]
    private var count = 0
    private var flags: StructuralFeature = []

    init(set: LinearModelSet) {
        self.set = set
        stride = set.modelCount
        rest = [Int](repeating: 0, count: max(0, set.modelCount - 2))
    }

    @inline(__always)
    mutating func add(_ index: Int, kind: FeatureKind, _ word: ArraySlice<UInt32>) {
        count &+= 1
        let base = index &* stride
        first &+= Int(set.hashed[base])
        guard stride > 1 else { return }
        second &+= Int(set.hashed[base &+ 1])
        guard stride > 2 else { return }
        for m in 2..<stride { rest[m - 2] &+= Int(set.hashed[base &+ m]) }
    }

    mutating func flag(_ flags: StructuralFeature) { self.flags.formUnion(flags) }

    /// What was added, as weight sums per model.
    var sums: FeatureSums {
        var sums = FeatureSums(models: stride)
        sums.count = count
        sums.flags = flags
        for m in 0..<stride {
            let raw = m == 0 ? first : m == 1 ? second : rest[m - 2]
            sums.dots[m] = Float(raw) * set.scales[m]
        }
        return sums
    }
}

/// Reads little-endian values from bytes.
struct ByteReader {
    let bytes: [UInt8]
    var offset = 0

    mutating func take(_ count: Int) -> [UInt8] {
        let end = min(bytes.count, offset + count)
        defer { offset = end }
        return Array(bytes[offset..<end])
    }

    mutating func u8() throws -> UInt8 {
        guard offset < bytes.count else { throw LinearModelSet.DataError(description: "model file is truncated") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func u16() throws -> UInt16 { UInt16(try u8()) | UInt16(try u8()) << 8 }

    mutating func f32() throws -> Float {
        var bits: UInt32 = 0
        for shift in stride(from: 0, to: 32, by: 8) { bits |= UInt32(try u8()) << UInt32(shift) }
        return Float(bitPattern: bits)
    }
}
