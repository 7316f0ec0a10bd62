import GuardDetect
import Testing

@Suite("Error leak screen")
struct ErrorLeakScreenTests {
    @Test("the leak screen ignores what the probe sent and URLs, and redacts secrets")
    func leakScreen() {
        #expect(ErrorLeakScreen.screen("Unknown resource: file:///etc/passwd", ignoring: ["file:///etc/passwd"]).isEmpty)
        #expect(ErrorLeakScreen.screen("see https://errors.pydantic.dev/2.14/v/int_parsing and http://x.test/home/user/a").isEmpty)
        let leaks = ErrorLeakScreen.screen("failed at /var/lib/app/db.sqlite with key sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe")
        #expect(Set(leaks.map(\.kind)) == [.path, .secret])
        #expect(!leaks.map(\.evidence).joined().contains("Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe"))
    }

    @Test("frames of several runtimes count as stack traces")
    func frames() {
        for text in ["Traceback (most recent call last):\n  x", "Error: boom\n    at handler (server.js:10:5)", "goroutine 1 [running]:", "thread 'main' panicked at src/main.rs:2:5"] {
            #expect(ErrorLeakScreen.screen(text).map(\.kind).contains(.stackTrace), "\(text)")
        }
        #expect(ErrorLeakScreen.screen("Invalid params: 'id' must be an integer").isEmpty)
    }
}
