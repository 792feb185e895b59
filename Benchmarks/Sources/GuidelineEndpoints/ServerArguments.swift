/// `--port N --guidelines DIR`, the two settings a peer server takes.
public struct ServerArguments: Sendable {
    public var port = 8080
    public var guidelines = "../Config/guidelines"

    public static func parse(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> ServerArguments {
        var parsed = ServerArguments()
        var remaining = arguments[...]
        while let flag = remaining.popFirst() {
            guard let value = remaining.popFirst() else { usage("\(flag) needs a value") }
            switch flag {
            case "--port":
                guard let port = Int(value), (0...65535).contains(port) else { usage("bad --port \(value)") }
                parsed.port = port
            case "--guidelines":
                parsed.guidelines = value
            default:
                usage("unknown option \(flag)")
            }
        }
        return parsed
    }

    private static func usage(_ problem: String) -> Never {
        print("\(problem)\nusage: \(CommandLine.arguments.first ?? "server") [--port N] [--guidelines DIR]")
        exit(2)
    }
}

#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif
