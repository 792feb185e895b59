import ArgumentParser
import HTTPServer
import SarcomaAPI

/// Exits 0 when the local service answers `GET /health` with 200: a container
/// HEALTHCHECK that needs no curl.
struct HealthcheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "healthcheck", abstract: "Exit 0 if the local service is healthy.",
        discussion: SettingOptions.discussion)

    @OptionGroup var settings: SettingOptions
    @Option(help: "Seconds to wait for the answer.") var timeout: Double = 3

    func run() throws {
        let configuration = try settings.resolve()
        let host = configuration.host == "0.0.0.0" || configuration.host == "::" ? "127.0.0.1" : configuration.host
        do {
            let response = try LoopbackClient(host: host, port: configuration.port, timeout: timeout).send(
                "GET", "/health")
            guard response.status == 200 else {
                print("unhealthy: /health answered \(response.status)")
                throw ExitCode(1)
            }
            print("healthy")
        } catch let exit as ExitCode {
            throw exit
        } catch {
            print("unhealthy: \(error)")
            throw ExitCode(1)
        }
    }
}
