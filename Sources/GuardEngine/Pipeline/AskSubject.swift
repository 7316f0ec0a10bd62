extension GuardPipeline {
    /// What an `ask` confirms: a tool call, a resource read or a prompt.
    struct AskSubject {
        enum Kind { case tool, resource, prompt }
        let kind: Kind
        let name: String

        /// `tool send_email`, `resource file:///etc/hosts`.
        var noun: String {
            switch kind {
            case .tool: "tool \(name)"
            case .resource: "resource \(name)"
            case .prompt: "prompt \(name)"
            }
        }

        /// What the user is asked to allow: `run the tool "send_email"`.
        var action: String {
            switch kind {
            case .tool: "run the tool \"\(name)\""
            case .resource: "read the resource \"\(name)\""
            case .prompt: "get the prompt \"\(name)\""
            }
        }

        /// Where in the policy file this request is allowed.
        func policyPath(server: String) -> String {
            switch kind {
            case .tool: "servers.\(server).tools.\(name)"
            case .resource: "servers.\(server).resources[\"\(name)\"]"
            case .prompt: "servers.\(server).prompts.\(name)"
            }
        }
    }
}
