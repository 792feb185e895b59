import Foundation

/// engine-bench's command line.
struct BenchOptions {
    var guidelines = "../Config/guidelines"
    var cases = "Cases"
    var iterations = 20_000
    var warmup = 2_000
    /// Time budget per row (the warm-up gets a fifth of it on top).
    var seconds = 4.0
    var json: String?

    static func parse(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> BenchOptions {
        var options = BenchOptions()
        var remaining = arguments[...]
        while let flag = remaining.popFirst() {
            guard let value = remaining.popFirst() else { usage("\(flag) needs a value") }
            switch flag {
            case "--guidelines": options.guidelines = value
            case "--cases": options.cases = value
            case "--iterations": options.iterations = count(value)
            case "--warmup": options.warmup = count(value)
            case "--json": options.json = value
            case "--seconds":
                guard let seconds = Double(value), seconds > 0 else { usage("not a positive duration: \(value)") }
                options.seconds = seconds
            default: usage("unknown option \(flag)")
            }
        }
        return options
    }

    private static func count(_ value: String) -> Int {
        guard let number = Int(value), number > 0 else { usage("not a positive count: \(value)") }
        return number
    }

    private static func usage(_ problem: String) -> Never {
        print(
            "\(problem)\nusage: engine-bench --guidelines DIR --cases DIR [--iterations N] [--warmup N] [--seconds S] [--json FILE]"
        )
        exit(2)
    }
}
