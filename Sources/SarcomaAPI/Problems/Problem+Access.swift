import Access
import JSON
import SarcomaGuidelines

/// The access-control answers (see `AccessGate`). Details say what to send, never what was
/// sent: no token, hash or header value appears in a problem.
extension Problem {
    private static func challenge(_ error: String?) -> (String, String) {
        let realm = "Bearer realm=\"\(AccessGate.realm)\""
        return ("WWW-Authenticate", error.map { "\(realm), error=\"\($0)\"" } ?? realm)
    }

    static func missingToken() -> Problem {
        Problem(
            status: 401, slug: "unauthorized", title: "Unauthorized",
            detail: "this endpoint needs an access token: send `Authorization: Bearer <token>`",
            headers: [challenge(nil)])
    }

    static func malformedCredentials(_ reason: String) -> Problem {
        Problem(
            status: 401, slug: "unauthorized", title: "Unauthorized",
            detail: "\(reason); send `Authorization: Bearer <token>`",
            headers: [challenge("invalid_request")])
    }

    static func unknownToken() -> Problem {
        Problem(
            status: 401, slug: "unauthorized", title: "Unauthorized",
            detail: "the access token is not one this service accepts (revoked, mistyped or from another installation)",
            headers: [challenge("invalid_token")])
    }

    static func roleNotAllowed(_ role: AccessRole, allowed: Set<AccessRole>, method: String, template: String)
        -> Problem
    {
        var extensions = JSONObject()
        extensions["role"] = .string(role.rawValue)
        extensions["allowedRoles"] = .array(allowed.sorted().map { .string($0.rawValue) })
        return Problem(
            status: 403, slug: "forbidden", title: "Forbidden",
            detail:
                "the role '\(role.rawValue)' may not call \(method) \(template); it needs \(AccessRole.list(allowed))",
            extensions: extensions, headers: [challenge("insufficient_scope")])
    }
}

extension Problem {
    /// A refused CDS Hooks JWT: 401 with its own type and a Bearer challenge; 503 with
    /// Retry-After when the replay ledger could not be asked (the token may be fine).
    static func jwt(_ refusal: JWTRefusal) -> Problem {
        if refusal == .replayCheckUnavailable {
            return Problem(
                status: 503, slug: refusal.slug, title: refusal.title, detail: refusal.detail,
                headers: [("Retry-After", "5")])
        }
        let challenge = "Bearer realm=\"\(AccessGate.realm)\", error=\"\(refusal.challengeError)\""
        return Problem(
            status: 401, slug: refusal.slug, title: refusal.title, detail: refusal.detail,
            headers: [("WWW-Authenticate", challenge)])
    }
}
