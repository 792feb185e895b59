import ArgumentParser

/// `sarcoma-guide`: the service and its operator commands.
@main
struct SarcomaGuideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sarcoma-guide",
        abstract: "Guideline-based decisions for soft tissue sarcoma over HTTP/JSON.",
        subcommands: [ServeCommand.self, HealthcheckCommand.self, TokenCommand.self, BackupCommand.self],
        defaultSubcommand: ServeCommand.self
    )
}
