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
        #expect(GuardPipeline.outputStages.map(\.control.id) == ["output.strip-hidden", "output.max-size", "output.redact", "output.injection"])
        #expect(GuardPipeline.toolListingStages.map(\.control.id) == ["policy.deny", "pin.enforce", "listing.strip-hidden", "listing.withhold"])
        let listed = Set(GuardControls.all.map(\.id))
        let stages = GuardPipeline.callStages.map(\.control) + GuardPipeline.outputStages.map(\.control) + GuardPipeline.toolListingStages.map(\.control)
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
}
