import Foundation
import GuardRuntime

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading a passphrase or a secret from the terminal without echoing it.
///
/// The controlling terminal (/dev/tty) is used rather than stdin, so `… | mcpguard secrets set x` can
/// still ask for the file's passphrase. Signals from the keyboard are off while reading, so Ctrl-C is
/// seen here and ends mcpguard only after echo is back on (the process-wide handler would exit first).
enum HiddenInput {
    /// One line typed at `prompt`, or nil when there is no terminal (or it hangs up before Enter).
    static func ask(_ prompt: String) -> String? {
        let tty = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard tty >= 0 else { return nil }
        defer { close(tty) }
        var saved = termios()
        let hasTermios = tcgetattr(tty, &saved) == 0
        if hasTermios {
            // Byte at a time (not canonical), so Ctrl-C arrives without Enter; editing is done below.
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO | ISIG | ICANON)
            withUnsafeMutableBytes(of: &quiet.c_cc) { $0[Int(VMIN)] = 1; $0[Int(VTIME)] = 0 }
            tcsetattr(tty, TCSAFLUSH, &quiet)
        }
        defer { if hasTermios { tcsetattr(tty, TCSAFLUSH, &saved) } }
        _ = prompt.withCString { write(tty, $0, strlen($0)) }
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let count = read(tty, &byte, 1)
            if count < 0, errno == EINTR { continue }
            guard count == 1 else { break }
            switch byte {
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                _ = write(tty, "\n", 1)
                return String(decoding: line, as: UTF8.self)
            case 3, 4 where line.isEmpty:  // Ctrl-C, or Ctrl-D on an empty line
                if hasTermios { tcsetattr(tty, TCSAFLUSH, &saved) }
                _ = write(tty, "\n", 1)
                exit(130)
            case 0x7F, 0x08:  // backspace: one character, with its UTF-8 continuation bytes
                while let last = line.popLast(), last & 0xC0 == 0x80 {}
            case 0x15:  // Ctrl-U
                line.removeAll()
            default:
                // Other control characters (arrows arrive as ESC sequences) are not part of a passphrase.
                if byte >= 0x20 || byte == 0x09, line.count < 64 * 1024 { line.append(byte) }
            }
        }
        return nil  // the terminal went away mid-line
    }

    /// The passphrase source the secrets commands and `run` use: `MCPGUARD_SECRETS_PASSPHRASE`, else the
    /// terminal (twice for a new file), else a refusal that says how to give one.
    static let passphrase: @Sendable (Bool) throws -> String = { creating in
        if let given = ProcessInfo.processInfo.environment[SecretStoreChoice.passphraseVariable], !given.isEmpty { return given }
        guard let first = ask(creating ? "New passphrase for the secrets file: " : "Passphrase for the secrets file: ") else {
            throw CLIError("the secrets file needs a passphrase: set \(SecretStoreChoice.passphraseVariable), pass --key-file, or run on a terminal")
        }
        if creating {
            guard ask("The same passphrase again: ") == first else { throw CLIError("the two passphrases differ; nothing was stored") }
        }
        return first
    }
}
