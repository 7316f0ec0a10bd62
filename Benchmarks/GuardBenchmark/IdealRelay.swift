import Foundation

/// `GuardBenchmark --relay -- COMMAND...`: the fastest honest stdio relay, the baseline `mcpguard run` is
/// held against. One extra process between client and server, one thread per direction copying bytes as
/// they come (64 KiB reads, no framing, no parsing), the server's stderr inherited.
enum IdealRelay {
    static func run(_ command: [String]) -> Never {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        do { try process.run() } catch {
            FileHandle.standardError.write(Data("relay: cannot start \(command[0]): \(error)\n".utf8))
            exit(2)
        }
        let toServer = input.fileHandleForWriting
        Thread {
            copy(from: STDIN_FILENO, to: toServer.fileDescriptor)
            try? toServer.close()
        }.start()
        copy(from: output.fileHandleForReading.fileDescriptor, to: STDOUT_FILENO)
        process.waitUntilExit()
        exit(process.terminationStatus)
    }

    /// Copies until end of input or a dead reader.
    static func copy(from source: Int32, to target: Int32) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return }
            var offset = 0
            while offset < count {
                let written = buffer.withUnsafeBytes { write(target, $0.baseAddress! + offset, count - offset) }
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
    }
}
