import SarcomaGuidelines

/// Reads the settings given on the command line (`--max-connections 64`, `--port=0`) against
/// `ConfigurationKey.all`, so each setting is declared once and its flag comes from its name:
/// adding a key adds its flag, its environment variable, its file key and its docs row.
public enum ConfigurationFlags {
    /// The values by key name (`maxConnections`), for `ConfigurationLoader.load(flags:)`.
    /// A flag that is not a setting or a missing value is refused,
    /// naming the flag (and the nearest setting, for a typo); a setting given twice takes the last value.
    public static func values(_ arguments: [String]) throws(ConfigurationError) -> [String: String] {
        let keys = Dictionary(uniqueKeysWithValues: ConfigurationKey.all.map { ($0.flag, $0) })
        var values: [String: String] = [:]
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("--"), argument.count > 2 else {
                throw ConfigurationError(
                    key: argument, source: "command line",
                    reason: "unexpected argument: settings are given as --name value (see --help)")
            }
            let flag: String
            let value: String
            if let equals = argument.firstIndex(of: "=") {
                flag = String(argument[..<equals])
                value = String(argument[argument.index(after: equals)...])
            } else {
                flag = argument
                guard index < arguments.count, !arguments[index].hasPrefix("--") else {
                    throw ConfigurationError(key: flag, source: "command line", reason: "needs a value")
                }
                value = arguments[index]
                index += 1
            }
            guard let key = keys[flag] else {
                let near =
                    NearMatch.suggestion(for: flag, among: keys.keys.sorted()).map { " (did you mean \($0)?)" } ?? ""
                throw ConfigurationError(key: flag, source: "command line", reason: "unknown option\(near)")
            }
            values[key.name] = value  // the last one wins, as a script appending an override expects
        }
        return values
    }

    /// The settings part of `--help`: each flag with its summary, default and environment variable.
    public static var help: String {
        ConfigurationKey.all.map { key in
            let fallback = key.defaultValue().isEmpty ? "none" : key.defaultValue()
            return
                "  \(key.flag) <value>\n      \(key.summary)\n      default: \(fallback); env \(key.environmentVariable)"
        }.joined(separator: "\n")
    }
}
