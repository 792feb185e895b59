/// The JWS algorithms a CDS Hooks JWT may use here. `none` and the HMAC family (HS256...)
/// are never accepted: with HMAC, whoever can verify can also sign.
public enum JWTAlgorithm: String, Sendable, CaseIterable {
    case es384 = "ES384"
    case rs384 = "RS384"
}
