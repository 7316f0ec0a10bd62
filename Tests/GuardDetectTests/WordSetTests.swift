import Testing

@testable import GuardDetect

@Suite("Word sets: tokens matched by key, confirmed by their words")
struct WordSetTests {
    @Test("contains exactly its words, from the ASCII and the general tokenizer alike")
    func membership() {
        let set = WordSet(["ignore", "disregard", "überschreiben", "忽略"])
        let ascii = Tokenizer.tokens("Please IGNORE the rest, or Disregard it; ignored and ignores are other words.")
        #expect(ascii.filter { set.contains($0) }.map(\.text) == ["ignore", "disregard"])
        // A non-ASCII character anywhere sends the text down the scalar path; keys must agree.
        let general = Tokenizer.tokens("Bitte IGNORE — oder Überschreiben — 忽略")
        #expect(general.filter { set.contains($0) }.map(\.text) == ["ignore", "überschreiben", "忽略"])
        #expect(ascii[1].key == general[1].key)
        #expect(!set.contains("ignor") && set.contains("disregard"))
        #expect(WordSet([String]()).position(of: ascii[0]) == nil)
    }

    @Test("a token whose key collides with a member's is not taken for it")
    func forgedKey() {
        let set = WordSet(["disregard"])
        let text = "ignore"
        let forged = TextToken(text: text, range: text.startIndex..<text.endIndex, key: WordSet.key("disregard"))
        #expect(!set.contains(forged))
    }

    @Test("positions follow the sorted words, whatever the input order", arguments: [["b", "a", "c"], ["c", "b", "a", "a"]])
    func positions(words: [String]) {
        let set = WordSet(words)
        #expect(set.words == ["a", "b", "c"])
        for (position, word) in set.words.enumerated() {
            #expect(set.position(of: TextToken(text: word, range: word.startIndex..<word.endIndex)) == position)
        }
    }
}
