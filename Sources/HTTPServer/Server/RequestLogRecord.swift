/// One answered request, for access logs and metrics. Carries no URL, query or body:
/// those can hold patient data, and the route template is the useful, low-cardinality label.
public struct RequestLogRecord: Sendable {
    /// The label used when no route matched (or the request could not be parsed).
    public static let unmatchedRoute = "unmatched"
    /// The method, or "-" when the request line could not be read.
    public var method: String
    /// The matched template, e.g. "/v1/cases/{id}"; nil when nothing matched.
    public var routeTemplate: String?
    public var status: Int
    /// From the complete request to the serialized response (handler included).
    public var durationSeconds: Double
    public var requestID: String
    /// Request bytes on the wire (head and body framing).
    public var bytesIn: Int
    /// Response bytes (head and body).
    public var bytesOut: Int
    /// The caller as the handler identified it (`HTTPResponse.clientName`); nil when anonymous.
    public var clientName: String?

    /// `routeTemplate`, or "unmatched": never the raw path.
    public var route: String { routeTemplate ?? Self.unmatchedRoute }

    public init(
        method: String, routeTemplate: String?, status: Int, durationSeconds: Double,
        requestID: String, bytesIn: Int, bytesOut: Int, clientName: String? = nil
    ) {
        self.method = method
        self.routeTemplate = routeTemplate
        self.status = status
        self.durationSeconds = durationSeconds
        self.requestID = requestID
        self.bytesIn = bytesIn
        self.bytesOut = bytesOut
        self.clientName = clientName
    }
}
