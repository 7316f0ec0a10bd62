/// The version mcpguard reports in `--version`, reports and SARIF.
public enum MCPGuardVersion {
    public static let current = "0.1.0"
}
