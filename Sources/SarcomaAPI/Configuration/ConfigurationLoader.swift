import JSON
import Foundation
import SarcomaGuidelines

/// Merges the three sources of settings: built-in defaults, then the JSON config file,
/// then `SARCOMA_GUIDE_*` environment variables, then command-line flags.
///
/// Anything it does not know is refused, naming the key: a mistyped setting (say
/// `SARCOMA_GUIDE_TOKEN_FILE`) must stop the service rather than be silently ignored.
public struct ConfigurationLoader: Sendable {
    /// The environment variable that names the config file (the flag is `--config`).
    public static let configFileVariable = "SARCOMA_GUIDE_CONFIG"

    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// - Parameters:
    ///   - flags: values given on the command line, by key name (`maxConnections`).
    ///   - configFile: the `--config` flag, if given (else `SARCOMA_GUIDE_CONFIG`).
    public func load(flags: [String: String], configFile: String?) throws(ConfigurationError) -> ServiceConfiguration {
        var configuration = ServiceConfiguration()
        if let path = configFile ?? environment[Self.configFileVariable] {
            try applyFile(at: path, to: &configuration)
        }
        try applyEnvironment(to: &configuration)
        for (name, value) in flags.sorted(by: { $0.key < $1.key }) {
            guard let key = ConfigurationKey.named(name) else {
                throw ConfigurationError(key: name, source: "command line", reason: "unknown setting")
            }
            try apply(key, value, source: key.flag, to: &configuration)
        }
        return configuration
    }

    private func applyEnvironment(to configuration: inout ServiceConfiguration) throws(ConfigurationError) {
        let known = Set(ConfigurationKey.all.map(\.environmentVariable) + [Self.configFileVariable])
        for (variable, value) in environment.sorted(by: { $0.key < $1.key }) where variable.hasPrefix("SARCOMA_GUIDE_")
        {
            guard known.contains(variable) else {
                throw ConfigurationError(
                    key: variable, source: "environment",
                    reason: "unknown setting (known: \(known.sorted().joined(separator: ", ")))")
            }
            if let key = ConfigurationKey.all.first(where: { $0.environmentVariable == variable }) {
                try apply(key, value, source: variable, to: &configuration)
            }
        }
    }

    private func applyFile(at path: String, to configuration: inout ServiceConfiguration) throws(ConfigurationError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(key: "config", source: path, reason: "cannot read the file")
        }
        let document: JSONValue
        do {
            document = try JSONParser().parse([UInt8](data))
        } catch {
            throw ConfigurationError(key: "config", source: path, reason: "not valid JSON: \(error)")
        }
        guard case .object(let object) = document else {
            throw ConfigurationError(key: "config", source: path, reason: "must be a JSON object of settings")
        }
        for member in object.members {
            let name = member.key
            let value = member.value
            if name.hasPrefix("$") || name == "comment" { continue }  // "$schema", notes for humans
            guard let key = ConfigurationKey.named(name) else {
                throw ConfigurationError(key: name, source: path, reason: "unknown setting")
            }
            let text: String
            switch value {
            case .string(let string): text = string
            case .bool(let bool): text = String(bool)
            case .number(let number) where number == number.rounded() && abs(number) < 1e15: text = String(Int(number))
            case .number(let number): text = String(number)
            default:
                throw ConfigurationError(key: name, source: path, reason: "must be a string, number or boolean")
            }
            try apply(key, text, source: path, to: &configuration)
        }
    }

    private func apply(
        _ key: ConfigurationKey, _ value: String, source: String,
        to configuration: inout ServiceConfiguration
    ) throws(ConfigurationError) {
        do {
            try key.apply(&configuration, value)
        } catch {
            throw ConfigurationError(key: key.name, source: source, reason: error.reason)
        }
    }
}
