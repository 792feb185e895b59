import HTTPServer
import JSON
import SarcomaGuidelines

/// The pack listings: `GET /v1/guidelines` (pack 2026.11-1 in the v1 schema, frozen and
/// announcing its successor, delta §0.3) and `GET /v2/guidelines` (delta §7: any loaded pack,
/// the default one or `?guidelineVersion=`, with each rule's status, sources and
/// verification, the decisions, readings and open items).
struct GuidelineRoutes: Sendable {
    let engine: GuidelineEngine
    let library: GuidelineLibrary
    let successor: SuccessorAnnouncement?

    func register(into router: inout RouterBuilder) {
        let v1 = Endpoint.handler(query: ["pretty"]) { request throws(Problem) in
            JSONResponse.make(engine.pack.json, pretty: try QueryFlag.value("pretty", in: request))
        }
        router.add("GET", "/v1/guidelines", successor.map { $0.announcing({ _ in "/v2/guidelines" }, v1) } ?? v1)
        router.add(
            "GET", "/v2/guidelines",
            Endpoint.handler(query: ["guidelineVersion", "pretty"]) { request throws(Problem) in
                try listing(request)
            })
    }

    private func listing(_ request: HTTPRequest) throws(Problem) -> HTTPResponse {
        let format = try ResponseFormat.negotiate(request)
        let pretty = try QueryFlag.value("pretty", in: request)
        let listing = try Self.listing(version: request.queryValue("guidelineVersion"), in: library)
        switch format {
        case .plainText: return JSONResponse.text(listing.plainText)
        case .json: return JSONResponse.make(listing.json, pretty: pretty)
        }
    }

    /// The listing of `version` (any loaded pack), or of the default pack (the newest
    /// contract-2 pack, else the `/v1` pack); an unknown version is a 400 naming the loaded ones.
    static func listing(version: String?, in library: GuidelineLibrary) throws(Problem) -> GuidelineListing {
        let chosen = version ?? library.newestContractTwo?.version ?? library.v1Pack.version
        if let pack = library.contractTwoPack(version: chosen) {
            return GuidelineListing(pack, predecessor: library.contractOnePack(version: pack.catalogue.predecessor))
        }
        if let pack = library.contractOnePack(version: chosen) { return GuidelineListing(pack) }
        throw Problem.badQuery(
            "guidelineVersion '\(chosen)' is not a loaded pack; loaded: \(library.versions.joined(separator: ", "))")
    }
}
