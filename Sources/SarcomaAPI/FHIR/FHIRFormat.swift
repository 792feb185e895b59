import Foundation
import HTTPServer

/// What a client of a FHIR route asked for (FHIR R4 "http" page, section Content Types and
/// encodings): FHIR JSON when `_format` is `json` / `application/json` /
/// `application/fhir+json` or `Accept` lists `application/fhir+json`; the service's own JSON
/// otherwise (errors as problem+json, as on every other route). XML is not served: `_format`
/// xml or an `Accept` that only takes XML (or nothing JSON) is a 406.
enum FHIRFormat: Equatable {
    case fhirJSON
    case json

    static let jsonFormats: Set<String> = ["json", "application/json", "application/fhir+json", "fhir+json"]
    static let xmlFormats: Set<String> = ["xml", "text/xml", "application/xml", "application/fhir+xml", "fhir+xml"]
    static let offered = ["application/fhir+json", "application/json"]

    /// The format, or the 406 / 400 that says why there is none.
    static func negotiate(_ request: HTTPRequest) throws(Problem) -> FHIRFormat {
        if let raw = request.queryValue("_format") {
            let format = mediaRange(raw)
            if jsonFormats.contains(format) { return .fhirJSON }
            if xmlFormats.contains(format) {
                throw Problem(
                    status: 406, slug: "not-acceptable", title: "Not acceptable",
                    detail:
                        "_format '\(raw)': sarcoma-guide answers FHIR in JSON only (_format=json, or Accept: application/fhir+json); XML is not served"
                )
            }
            throw Problem.badQuery(
                "'_format' must be json, application/json or application/fhir+json (xml is not served), not '\(raw)'")
        }
        guard let accept = request.headers["Accept"], !accept.trimmingWhitespace.isEmpty else { return .json }
        var fhir = false
        var json = false
        for range in acceptedRanges(accept) {
            switch range {
            case "application/fhir+json": fhir = true
            case "*/*", "application/*", "application/json", "application/problem+json": json = true
            default: break
            }
        }
        if fhir { return .fhirJSON }
        if json { return .json }
        throw Problem.notAcceptable(accept, offered: offered)
    }

    /// Whether errors should be an OperationOutcome: the client asked for FHIR JSON, or for
    /// FHIR XML (which is refused, but in FHIR's terms). Never throws: it decides how to
    /// present a problem, including the one `negotiate` threw.
    static func asksForFHIR(_ request: HTTPRequest) -> Bool {
        if let raw = request.queryValue("_format") {
            let format = mediaRange(raw)
            return jsonFormats.contains(format) || xmlFormats.contains(format)
        }
        guard let accept = request.headers["Accept"] else { return false }
        return acceptedRanges(accept).contains { $0 == "application/fhir+json" || $0 == "application/fhir+xml" }
    }

    /// `application/fhir+json; fhirVersion=4.0` -> `application/fhir+json`. A `+` sent
    /// unencoded in the query arrives as a space (form encoding): read back as `+`.
    private static func mediaRange(_ raw: String) -> String {
        String(raw.split(separator: ";").first ?? "").trimmingWhitespace.lowercased().replacingOccurrences(
            of: " ", with: "+")
    }

    /// The media ranges of an `Accept` header with a weight above 0, lowercased.
    private static func acceptedRanges(_ accept: String) -> [String] {
        accept.split(separator: ",").compactMap { part in
            let pieces = part.split(separator: ";").map { String($0).trimmingWhitespace.lowercased() }
            guard let range = pieces.first, !range.isEmpty else { return nil }
            for parameter in pieces.dropFirst() where parameter.hasPrefix("q=") {
                if let quality = Double(parameter.dropFirst(2)), quality <= 0 { return nil }
            }
            return range
        }
    }
}
