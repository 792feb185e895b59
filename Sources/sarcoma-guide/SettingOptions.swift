import ArgumentParser
import SarcomaAPI

/// The settings every command that needs the service's configuration accepts as flags. The
/// flags are not declared here: each comes from its `ConfigurationKey` (`maxConnections` is
/// `--max-connections`, env `SARCOMA_GUIDE_MAX_CONNECTIONS`), so a setting exists once. Flags
/// win over env, env over the `--config` file; `ConfigurationKey` checks values and names the key.
struct SettingOptions: ParsableArguments {
    @Option(help: "JSON config file (e.g. Config/sarcoma-guide.json); env SARCOMA_GUIDE_CONFIG.")
    var config: String?

    @Argument(
        parsing: .allUnrecognized,
        help: ArgumentHelp("Settings as --name value or --name=value (listed below).", valueName: "setting"))
    var settings: [String] = []

    /// The settings section of a command's `--help`.
    static let discussion =
        "Settings (each also from the environment or the --config file):\n"
        + ConfigurationFlags.help

    /// The merged configuration, or a message that names the offending key.
    func resolve() throws -> ServiceConfiguration {
        do {
            return try ConfigurationLoader().load(flags: ConfigurationFlags.values(settings), configFile: config)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
