/// Splits a command line the way a POSIX shell would for `--server 'CMD ARGS…'`: whitespace separates
/// words; single quotes keep everything literal; double quotes allow `\"` and `\\`; a backslash outside
/// quotes escapes the next character. No expansion of variables or globs.
enum ShellWords {
    static func split(_ line: String) throws -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
                inWord = true
                continue
            }
            switch (quote, character) {
            case (nil, "\\"), ("\"", "\\"):
                escaped = true
            case (nil, "'"), (nil, "\""):
                quote = character
                inWord = true
            case ("'", "'"), ("\"", "\""):
                quote = nil
            case (nil, " "), (nil, "\t"), (nil, "\n"):
                if inWord {
                    words.append(current)
                    current = ""
                    inWord = false
                }
            default:
                current.append(character)
                inWord = true
            }
        }
        if quote != nil { throw CLIError("unterminated \(quote!) quote in --server '\(line)'") }
        if escaped { current.append("\\") }
        if inWord { words.append(current) }
        return words
    }
}
