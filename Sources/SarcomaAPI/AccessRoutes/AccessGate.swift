import Access
import HTTPServer

/// Enforces the `AccessPolicy`: `makeService` builds its router with every handler wrapped
/// by `guarding`, so no route can be registered without passing here.
///
/// With no tokens configured it lets everything through (the service then only listens on
/// loopback), naming every caller `(local)`. With tokens, a non-public route needs
/// `Authorization: Bearer <token>` naming a configured token (else 401 with
/// `WWW-Authenticate`) whose role the route admits (else 403); the handler then sees the
/// token's name as `request.clientName` (the audit trail's actor). Routing happens first, so an unknown path or method keeps its 404/405: the
/// OpenAPI document is public, so the API's shape is no secret, while every fact about
/// stored cases (even whether an id exists) sits behind the token check.
///
/// CDS Hooks calls (requirement `.cdsJWT`) are checked whether or not tokens are configured:
/// by the EHR's signed JWT (`JWTVerifier`), refused outright, or served unsigned in loopback
/// development, as `jwt` (chosen at start-up) says.
struct AccessGate: Sendable {
    static let realm = "sarcoma-guide"

    let tokens: AccessTokens?
    let policy: AccessPolicy
    /// How `.cdsJWT` routes are checked.
    var jwt: JWTAuthentication = .refuseAll

    /// What the `Authorization` header(s) of a request amount to.
    enum Credentials: Equatable {
        /// No `Authorization` header, or one of another scheme (Basic...).
        case absent
        /// A Bearer header that cannot hold a token (empty, bad characters, several headers).
        case malformed(String)
        case bearer(Substring)
    }

    /// The caller's name handlers see (`HTTPRequest.clientName`, the audit trail's actor) when
    /// no tokens are configured: every caller is on this machine and none is identified.
    /// Parentheses are not allowed in token names, so it can never be mistaken for one.
    static let localClientName = "(local)"

    func guarding(method: String, template: String, _ handler: @escaping HTTPHandler) -> HTTPHandler {
        let requirement = policy.requirement(method: method, template: template)
        if requirement == .cdsJWT { return guardingWithJWT(handler) }
        guard let tokens else {
            return { request in
                var request = request
                request.clientName = Self.localClientName
                return handler(request)
            }
        }
        guard case .role(let roles) = requirement else { return handler }
        return { incoming in
            var request = incoming
            let holder: AccessTokens.Holder
            switch Self.credentials(in: request.headers) {
            case .absent:
                return Self.refuse(.missingToken(), request, template: template)
            case .malformed(let reason):
                return Self.refuse(.malformedCredentials(reason), request, template: template)
            case .bearer(let token):
                guard let known = tokens.holder(of: token) else {
                    return Self.refuse(.unknownToken(), request, template: template)
                }
                holder = known
            }
            request.clientName = holder.name
            var response: HTTPResponse
            if roles.contains(holder.role) {
                response = handler(request)
            } else {
                response = Self.refuse(
                    .roleNotAllowed(holder.role, allowed: roles, method: method, template: template), request,
                    template: template)
            }
            response.clientName = holder.name
            return response
        }
    }

    /// CDS Hooks calls: the EHR's signed JWT, whatever access tokens are configured (an
    /// access token is not accepted here). The access log names the JWT's `iss` (and `sub`).
    private func guardingWithJWT(_ handler: @escaping HTTPHandler) -> HTTPHandler {
        switch jwt {
        case .unsignedLoopbackDevelopment:
            return { request in
                var request = request
                request.clientName = Self.localClientName
                return handler(request)
            }
        case .refuseAll:
            return { request in Self.refuse(.jwt(.notConfigured), request) }
        case .verify(let verifier):
            return { request in
                switch Self.credentials(in: request.headers, maxLength: JWTVerifier.maxTokenBytes) {
                case .absent:
                    return Self.refuse(.jwt(.missing), request)
                case .malformed(let reason):
                    return Self.refuse(.jwt(.malformed(reason)), request)
                case .bearer(let token):
                    switch verifier.verify(token, path: request.path) {
                    case .failure(let refusal):
                        return Self.refuse(.jwt(refusal), request)
                    case .success(let accepted):
                        var verified = request
                        verified.clientName = Self.clientName(accepted)
                        var response = handler(verified)
                        response.clientName = Self.clientName(accepted)
                        return response
                    }
                }
            }
        }
    }

    /// `iss` (plus `#sub`) as one log field: no spaces, quotes or control characters.
    static func clientName(_ accepted: JWTVerifier.Accepted) -> String {
        let raw = accepted.subject.map { "\(accepted.issuer)#\($0)" } ?? accepted.issuer
        let cleaned = String(
            String.UnicodeScalarView(
                raw.unicodeScalars.prefix(200).map { scalar in
                    (0x21...0x7E).contains(scalar.value) && scalar != "\"" ? scalar : "_"
                }))
        return cleaned
    }

    /// problem+json, or an OperationOutcome for a FHIR client of a FHIR route.
    private static func refuse(_ problem: Problem, _ request: HTTPRequest, template: String? = nil) -> HTTPResponse {
        if let template, FHIRRoutes.templates.contains(template) {
            return OperationOutcomePresenter.response(for: problem, request: request)
        }
        return ProblemPresenter.response(for: problem, requestID: request.requestID)
    }

    /// Reads the `Authorization` header (RFC 6750 section 2.1: `Bearer` is case-insensitive,
    /// the token is a `b64token`). Never returns or reports anything of an unusable token.
    static func credentials(in headers: HTTPHeaders, maxLength: Int = AccessToken.maxLength) -> Credentials {
        let values = headers.values(for: "Authorization")
        guard let value = values.first else { return .absent }
        guard values.count == 1 else {
            return .malformed("send one Authorization header, not \(values.count)")
        }
        let trimmed = value.drop(while: { $0 == " " || $0 == "\t" })
        let scheme = trimmed.prefix(while: { $0 != " " && $0 != "\t" })
        guard scheme.lowercased() == "bearer" else { return .absent }
        var text = trimmed.dropFirst(scheme.count)
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        guard !text.isEmpty else { return .malformed("the Bearer credentials are empty") }
        guard AccessToken.isWellFormed(text, maxLength: maxLength) else {
            return .malformed("the Bearer credentials are not a well-formed token")
        }
        return .bearer(text)
    }
}
