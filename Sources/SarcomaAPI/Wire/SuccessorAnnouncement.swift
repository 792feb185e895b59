import HTTPServer
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

    /// The delta's default sunset.
    static let defaultSunset = "Fri, 31 Dec 2027 23:59:59 GMT"

    /// nil when no contract-2 pack is loaded: then `/v1` has no successor to announce.
    init?(library: GuidelineLibrary) {
        guard let successor = library.newestContractTwo,
            let milliseconds = try? RFC3339Instant.milliseconds(successor.releasedAt)
        else { return nil }
        supersededVersion = library.v1Pack.version
        successorVersion = successor.version
        deprecationSeconds = milliseconds / 1000
        sunset = Self.defaultSunset
    }

    /// The three headers, pointing at `successor` (a path under `/v2`).
    func headers(successor: String) -> [(String, String)] {
        [
            ("Deprecation", "@\(deprecationSeconds)"), ("Sunset", sunset),
            ("Link", "<\(successor)>; rel=\"successor-version\""),
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
