import Foundation

/// One setting: its name in the config file, its environment variable and flag, and how a
/// text value is checked and applied. One table drives all three sources, so a setting can
/// never be readable from one source and silently ignored from another.
public struct ConfigurationKey: Sendable {
    /// camelCase name used in the JSON config file, e.g. `maxConnections`.
    public let name: String
    public let summary: String
    let apply: @Sendable (inout ServiceConfiguration, String) throws(ConfigurationError) -> Void
    let current: @Sendable (ServiceConfiguration) -> String

    /// `SARCOMA_GUIDE_MAX_CONNECTIONS` for `maxConnections`.
    public var environmentVariable: String {
        "SARCOMA_GUIDE_" + name.snakeCased.uppercased()
    }

    /// `--max-connections` for `maxConnections`.
    public var flag: String { "--" + name.snakeCased.replacingOccurrences(of: "_", with: "-") }

    public func defaultValue() -> String { current(ServiceConfiguration()) }
}

extension String {
    var snakeCased: String {
        var out = ""
        for character in self {
            if character.isUppercase {
                out += "_" + character.lowercased()
            } else {
                out.append(character)
            }
        }
        return out
    }
}
