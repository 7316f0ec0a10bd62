import Foundation
import GuardCore
import GuardPolicy
import Testing

@testable import GuardEngine

/// The controls as ordered stages: what runs first decides, and every refusal cites the stage that made it.
@Suite("Guard stages")
struct GuardStagesTests {
    @Test("stages run in the documented order and every stage's control is a listed guard control")
    func order() {
        #expect(GuardPipeline.callStages.map(\.control.id) == [
            "audit.log", "listing.withhold", "policy.deny", "outbound.secrets", "policy.ask", "policy.arguments", "schema.input", "policy.limits", "policy.timeout",
        ])
        #expect(GuardPipeline.resourceStages.map(\.control.id) == ["audit.log", "policy.resources", "policy.resources", "policy.ask"])
        #expect(GuardPipeline.promptStages.map(\.control.id) == ["audit.log", "policy.prompts", "outbound.secrets", "policy.ask"])
        #expect(GuardPipeline.outputStages.map(\.control.id) == ["output.strip-hidden", "output.max-size", "output.redact", "output.injection"])
        #expect(GuardPipeline.toolListingStages.map(\.control.id) == ["policy.deny", "pin.enforce", "listing.strip-hidden", "listing.withhold"])
        let listed = Set(GuardControls.all.map(\.id))
        let requests = GuardPipeline.callStages + GuardPipeline.resourceStages + GuardPipeline.promptStages
        let stages = requests.map(\.control) + GuardPipeline.outputStages.map(\.control) + GuardPipeline.toolListingStages.map(\.control)
        #expect(stages.allSatisfy { listed.contains($0.id) })
    }

    static let policy = """
        version: 1
        servers:
          "*":
            default: allow
            outbound: { refuse: [secrets] }
            tools:
              wipe: deny
              limited: { action: allow, budget: 1 }
        """

    func call(_ name: String, _ arguments: String, id: Int) -> [UInt8] {
        Array(#"{"jsonrpc":"2.0","id":\#(id),"method":"tools/call","params":{"name":"\#(name)","arguments":\#(arguments)}}"#.utf8)
    }

    @Test("the first stage that refuses decides, and its control is cited in the text and the error data")
    func firstRefusalDecides() throws {
        let pipeline = try PipelineProbe.pipeline(Self.policy)
        let secret = #"{"token":"ghp_Q7vK2mXr9TzL4wPc8NdH3sYb6FjE1gUa5RtA"}"#
        // A denied tool with a secret argument: deny runs before the outbound screen.
        let denied = try #require(PipelineProbe.clientError(pipeline.fromClient(call("wipe", secret, id: 1))))
        #expect(denied.message.hasSuffix(GuardControls.policyDeny.cite))
        #expect(denied.data?["rule"]?.stringValue == "policy.deny")
        // An allowed tool with the same argument: refused by the outbound screen, and no budget spent.
        let leaked = try #require(PipelineProbe.clientError(pipeline.fromClient(call("limited", secret, id: 2))))
        #expect(leaked.data?["rule"]?.stringValue == "outbound.secrets")
        #expect(leaked.message.hasSuffix(GuardControls.outboundScreen.cite))
        #expect(PipelineProbe.messages(pipeline.fromClient(call("limited", "{}", id: 3)), toServer: true).count == 1)
        let limited = try #require(PipelineProbe.clientError(pipeline.fromClient(call("limited", "{}", id: 4))))
        #expect(limited.data?["rule"]?.stringValue == "policy.limits")
    }

    static let accessPolicy = """
        version: 1
        servers:
          "*":
            default: allow
            outbound: { refuse: [secrets] }
            prompts: { "admin_*": deny, draft: ask }
            resources: { "file:///etc/**": deny, "https://wiki.example/**": ask }
        """

    func request(_ method: String, _ params: String, id: Int) -> [UInt8] {
        Array(#"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)","params":\#(params)}"#.utf8)
    }

    @Test("resource and prompt requests run the same stages: deny cites its kind, a secret is refused before the user is asked")
    func accessStages() throws {
        let pipeline = try PipelineProbe.pipeline(Self.accessPolicy)
        let secret = #"{"token":"ghp_Q7vK2mXr9TzL4wPc8NdH3sYb6FjE1gUa5RtA"}"#
        // A prompt under ask whose argument is a secret: refused by the outbound screen, no confirmation asked.
        let leaked = try #require(PipelineProbe.clientError(pipeline.fromClient(request("prompts/get", #"{"name":"draft","arguments":\#(secret)}"#, id: 1))))
        #expect(leaked.data?["rule"]?.stringValue == "outbound.secrets")
        #expect(leaked.message.contains("prompt draft") && leaked.message.hasSuffix(GuardControls.outboundScreen.cite))
        #expect(!leaked.message.contains("ghp_"))
        // The same prompt with a clean argument is asked about (no elicitation declared: refused with how to allow it).
        let asked = try #require(PipelineProbe.clientError(pipeline.fromClient(request("prompts/get", #"{"name":"draft","arguments":{"topic":"q3"}}"#, id: 2))))
        #expect(asked.code == GuardPipeline.ErrorCode.askDeclined)
        // A denied prompt is refused under policy.prompts even when its argument is a secret (deny runs first).
        let denied = try #require(PipelineProbe.clientError(pipeline.fromClient(request("prompts/get", #"{"name":"admin_reset","arguments":\#(secret)}"#, id: 3))))
        #expect(denied.data?["rule"]?.stringValue == "policy.prompts" && denied.message.hasSuffix(GuardControls.policyPrompts.cite))
        // A denied resource reached through a dotted path is refused under policy.resources.
        let etc = try #require(PipelineProbe.clientError(pipeline.fromClient(request("resources/read", #"{"uri":"file:///tmp/../etc/passwd"}"#, id: 4))))
        #expect(etc.data?["rule"]?.stringValue == "policy.resources" && etc.message.contains("resource file:///tmp/../etc/passwd"))
        // An over-long URI is refused by its length before any pattern runs, and is not echoed whole.
        let long = "https://wiki.example/" + String(repeating: "a", count: 9000)
        let huge = try #require(PipelineProbe.clientError(pipeline.fromClient(request("resources/read", #"{"uri":"\#(long)"}"#, id: 5))))
        #expect(huge.data?["rule"]?.stringValue == "policy.resources" && huge.message.contains("9021-byte resource URI") && huge.message.count < 400)
        // A prompt no pattern names passes under the default.
        let allowed = request("prompts/get", #"{"name":"review"}"#, id: 6)
        #expect(pipeline.fromClient(allowed) == [.toServer(allowed)])
    }
}
