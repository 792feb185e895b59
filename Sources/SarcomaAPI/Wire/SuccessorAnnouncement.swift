import HTTPServer
import UTCTime
import SarcomaGuidelines

/// How the frozen `/v1` evaluation routes announce contract v2 (delta §0.3): the
/// `Deprecation` (RFC 9745), `Sunset` (RFC 8594) and `Link rel="successor-version"` headers
/// on every response, and the `superseded_pack` warning, last in every evaluation answer.
struct SuccessorAnnouncement: Sendable {
    /// The pack `/v1` answers with, and the one that supersedes it.
    let supersededVersion: String
    let successorVersion: String
    /// Unix seconds of the successor's `releasedAt`.
    let deprecationSeconds: Int64
    let sunset: String

    /// `SARCOMA_GUIDE_PUBLIC_BASE_URL`: when set, the `Link` target is absolute.
    let baseURL: String

    /// nil when no contract-2 pack is loaded: then `/v1` has no successor to announce. Refuses
    /// a sunset before the deprecation (delta §0.3).
    static func make(library: GuidelineLibrary, configuration: ServiceConfiguration) throws(StartupError)
        -> SuccessorAnnouncement?
    {
        guard let successor = library.newestContractTwo else { return nil }
        let instant = configuration.v1Deprecation ?? successor.releasedAt
        guard let deprecation = try? UTCInstant(rfc3339: instant), let sunset = HTTPDate.instant(configuration.v1Sunset)
        else {
            throw StartupError.guidelinePack(
                "the /v1 deprecation \(instant) or sunset \(configuration.v1Sunset) is unreadable")
        }
        guard sunset >= deprecation else {
            throw StartupError.guidelinePack(
                "the /v1 sunset (\(configuration.v1Sunset)) is earlier than its deprecation (\(instant)); set v1Sunset later"
            )
        }
        return SuccessorAnnouncement(
            supersededVersion: library.v1Pack.version, successorVersion: successor.version,
            deprecationSeconds: deprecation.millisecondsSince1970 / 1000, sunset: configuration.v1Sunset,
            baseURL: configuration.publicBaseUrl ?? "")
    }

    /// The three headers, pointing at `successor` (a path under `/v2`).
    func headers(successor: String) -> [(String, String)] {
        [
            ("Deprecation", "@\(deprecationSeconds)"), ("Sunset", sunset),
            ("Link", "<\(baseURL)\(successor)>; rel=\"successor-version\""),
        ]
    }

    /// `superseded_pack`, the last warning of a `/v1` evaluation answer.
    func warning(successor: String) -> (code: String, message: String) {
        (
            "superseded_pack",
            "Guideline pack \(supersededVersion) is superseded by \(successorVersion); current answers: \(successor)"
        )
    }

    /// `handler` with the headers set on every response it gives, problems included.
    func announcing(_ successor: @escaping @Sendable (HTTPRequest) -> String, _ handler: @escaping HTTPHandler)
        -> HTTPHandler
    {
        { request in
            var response = handler(request)
            for (name, value) in headers(successor: successor(request)) { response.headers.set(name, value) }
            return response
        }
    }
}
