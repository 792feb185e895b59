/// Turning a parsed request into response bytes: routing, the handler, server-made errors.
extension ServerRuntime {
    /// Runs the request through the router and appends the response to the worker's output.
    /// Returns whether the connection must close after it.
    func respond(to parsed: ParsedRequest, on connection: Connection, context: WorkerContext) -> Bool {
        let started = SystemClock.monotonic()
        let head = parsed.head
        var request = HTTPRequest(
            method: head.method, target: head.target, version: head.version.text,
            headers: head.headers, body: parsed.body, generator: &context.ids)
        connection.requestsServed += 1
        var closing = !head.keepAlive
        if let limit = configuration.maxRequestsPerConnection, connection.requestsServed >= limit { closing = true }

        var response: HTTPResponse
        switch router.resolve(method: request.method, path: request.path) {
        case .found(let handler, let parameters, let template):
            request.pathParameters = parameters
            request.routeTemplate = template
            response = handler(request)
        case .notFound:
            response = hooks.errorResponse(404, "no resource matches the request path")
        case .methodNotAllowed(let allowed):
            response = hooks.errorResponse(405, "the method is not allowed on this resource")
            response.headers.set("Allow", allowed.joined(separator: ", "))
        }
        // Asked after the handler: a drain that began while it ran (e.g. waiting for a disk
        // sync) closes the connection right after this response, so the response must say
        // so; sent as keep-alive, the client's next request would hit a closed socket.
        if isDraining { closing = true }
        if !closing, let option = response.headers["Connection"], option.lowercased().contains("close") {
            closing = true
        }
        let responseContext = ResponseContext(
            requestID: request.requestID,
            close: closing,
            confirmKeepAlive: head.version == .http10 && !closing,
            omitBody: head.isHead
        )
        let bytesOut = ResponseSerializer.append(
            response, context: responseContext, date: context.date.current(), to: &context.out)
        hooks.requestCompleted(
            RequestLogRecord(
                method: request.method, routeTemplate: request.routeTemplate, status: response.status,
                durationSeconds: SystemClock.monotonic() - started, requestID: request.requestID,
                bytesIn: parsed.wireBytes, bytesOut: bytesOut, clientName: response.clientName
            ))
        return closing
    }

    /// Appends a server-made error answer (always with `Connection: close`) and reports it.
    func appendError(status: Int, detail: String, headers extra: [(String, String)] = [], context: WorkerContext) {
        let started = SystemClock.monotonic()
        var response = hooks.errorResponse(status, detail)
        for (name, value) in extra { response.headers.set(name, value) }
        let requestID = context.ids.next()
        let bytesOut = ResponseSerializer.append(
            response, context: ResponseContext(requestID: requestID, close: true),
            date: context.date.current(), to: &context.out
        )
        hooks.requestCompleted(
            RequestLogRecord(
                method: "-", routeTemplate: nil, status: response.status,
                durationSeconds: SystemClock.monotonic() - started, requestID: requestID, bytesIn: 0, bytesOut: bytesOut
            ))
    }
}
