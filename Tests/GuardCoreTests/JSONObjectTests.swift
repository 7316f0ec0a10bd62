import Testing
@testable import GuardCore

/// JSONObject scans its members while it is small and indexes them once it grows: both must behave alike.
@Suite("JSONObject")
struct JSONObjectTests {
    /// An object of `count` members k0…k(count-1) with values 0…count-1.
    func object(_ count: Int) -> JSONObject {
        var object = JSONObject()
        for index in 0..<count { object["k\(index)"] = .number(JSONNumber(index)) }
        return object
    }

    @Test("order, lookups, replacement and removal agree below and above the index threshold", arguments: [3, JSONObject.indexThreshold, JSONObject.indexThreshold + 1, 200])
    func behaviour(count: Int) {
        var object = object(count)
        #expect(object.keys == (0..<count).map { "k\($0)" })
        #expect(object["k\(count - 1)"] == .number(JSONNumber(count - 1)))
        #expect(object["missing"] == nil)
        object["k0"] = .string("replaced")  // keeps its place
        #expect(object.keys.first == "k0" && object["k0"] == .string("replaced") && object.count == count)
        object["k1"] = nil  // later members are still found where they moved
        #expect(object.count == count - 1 && !object.contains("k1"))
        #expect(object["k\(count - 1)"] == .number(JSONNumber(count - 1)))
        object["new"] = .bool(true)
        #expect(object.keys.last == "new" && object["new"] == .bool(true))
    }

    @Test("equality and hashing follow member order and values")
    func equality() {
        let forward: JSONObject = ["a": 1, "b": 2]
        let backward: JSONObject = ["b": 2, "a": 1]
        #expect(forward != backward)
        #expect(forward == ["a": 1, "b": 2])
        #expect(Set([forward, ["a": 1, "b": 2]]).count == 1)
        #expect(object(40) == object(40) && object(40) != object(41))
    }

    @Test("a duplicate key is rejected in a large object too (indexed check), at the duplicate's offset")
    func duplicateInLargeObject() throws {
        let members = (0..<20_000).map { "\"m\($0)\":\($0)" }.joined(separator: ",")
        let clean = try JSONParser().parse(Array("{\(members)}".utf8))
        #expect(clean.objectValue?.count == 20_000 && clean.objectValue?["m19999"] == .number(JSONNumber(19_999)))
        #expect(throws: JSONParseError.self) { try JSONParser().parse(Array("{\(members),\"m7\":1}".utf8)) }
    }
}
