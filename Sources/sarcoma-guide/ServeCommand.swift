import Access
import ArgumentParser
import Foundation
import HTTPServer
import SarcomaAPI

/// Runs the service until SIGTERM or SIGINT, then drains in-flight requests and closes the
/// database before exiting 0. A signal during start-up lets the migrations finish, then
/// exits 0 without serving (see `StartupSignal`).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the HTTP service (the default).",
        discussion: SettingOptions.discussion)

    @OptionGroup var settings: SettingOptions

    func run() throws {
        let configuration = try settings.resolve()
        // Installed before the database is opened: a SIGTERM during migrations lets the one
        // under way finish (each is one transaction), starts no other, and exits 0 unserved.
        let startup = StartupSignal()
        TerminationSignal.onTermination { signal in startup.deliver(signal) }
        FileHandle.standardOutput.write(
            Data("starting: opening the database \(configuration.storeSettingForDisplay) (migrations apply now)\n".utf8)
        )
        let startupLog = AccessLog()
        let service: SarcomaService
        do {
            service = try makeService(config: configuration) { migration in
                guard !startup.wasSignaled else { return false }
                startupLog.event("applying migration \(migration)")
                return true
            }
        } catch .stopped(let reason) {
            startupLog.event("signal during start-up: \(reason); not serving")
            return
        } catch {
            throw RefusedToStart(message: error.description)
        }
        let server = service.makeServer()
        let drain = configuration.drainTimeoutSeconds
        let log = service.accessLog
        // Handed over before the socket opens, so a SIGTERM right after the `listening on`
        // line still drains instead of killing the process.
        if let signal = startup.handOver(to: { signal in
            log.event("signal \(signal): draining (up to \(drain)s)")
            server.shutdown()
        }) {
            service.close()
            log.event(
                "signal \(signal) during start-up: database opened and migrated to schema "
                    + "\(service.schemaVersion), then closed; not serving")
            return
        }
        let port: Int
        do {
            port = try server.start()
        } catch {
            service.close()
            if startup.wasSignaled {  // the signal shut the server down before it started
                log.event("signal during start-up: not serving")
                return
            }
            throw RefusedToStart(message: "cannot listen on \(configuration.host):\(configuration.port): \(error)")
        }
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        service.accessLog.event(service.startupSummary)
        service.accessLog.event(service.cdsAuthentication.summary)
        // Tests and scripts wait for this exact line; FileHandle writes are unbuffered.
        FileHandle.standardOutput.write(Data("listening on http://\(host):\(port)\n".utf8))

        server.waitUntilStopped()
        // Drained: no request line can come any more, so this writes the last of them.
        service.accessLog.flush()
        service.close()
        service.accessLog.event("stopped")
    }
}

/// A start-up refusal: printed once, to stderr, and exit status 1.
struct RefusedToStart: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
