import Foundation
import MCPGuardCLI

exit(await CLIEntry.run(Array(CommandLine.arguments.dropFirst())))
