// The engine's own cost, with no HTTP: microseconds per full assessment
// (`evaluate(.assessment, ...)`) over realistic cases, and per decode+validate.
// usage: engine-bench --guidelines DIR --cases DIR [--iterations N] [--warmup N] [--seconds S] [--json FILE]
import Foundation
import GuidelineEndpoints
import JSON
import SarcomaGuidelines

let options = BenchOptions.parse()
let engine = GuidelineEngine(pack: try PackFolder.load(options.guidelines))
let endpoints = GuidelineEndpoints(engine: engine)
let decoder = CaseDecoder()
let sampler = Sampler(warmup: options.warmup, iterations: options.iterations, secondsPerRow: options.seconds)

let caseFiles = try FileManager.default.contentsOfDirectory(atPath: options.cases)
    .filter { $0.hasSuffix(".json") }.sorted()
var rows: [(name: String, summary: Summary)] = []
var pooled: [Double] = []

for file in caseFiles {
    let body = [UInt8](FileManager.default.contents(atPath: options.cases + "/" + file) ?? Data())
    guard case .success(let sarcomaCase) = decoder.decode(body), engine.consistencyIssues(in: sarcomaCase).isEmpty
    else {
        fatalError("engine-bench: \(file) is not a valid case: \(decoder.decode(body))")
    }
    let name = String(file.dropLast(".json".count))
    let assessment = sampler.samples { keep(engine.evaluate(.assessment, for: sarcomaCase, explain: false)) }
    rows.append(("assessment \(name)", Summary(assessment)))
    pooled += assessment

    if name == "example" {
        rows.append(
            (
                "decode+validate example",
                Summary(
                    sampler.samples {
                        if case .success(let decoded) = decoder.decode(body) {
                            keep(engine.consistencyIssues(in: decoded))
                        }
                    })
            ))
        rows.append(
            (
                "assessment+json example",
                Summary(
                    sampler.samples {
                        keep(
                            JSONWriter.compact.bytes(
                                engine.evaluate(.assessment, for: sarcomaCase, explain: false).json))
                    })
            ))
        rows.append(
            ("handler POST /v1/assessment example", Summary(sampler.samples { keep(endpoints.assessment(body)) })))
        rows.append(("handler POST /v1/validate example", Summary(sampler.samples { keep(endpoints.validate(body)) })))
    }
}
let all = Summary(pooled)
rows.insert(("assessment all cases", all), at: 0)

print(
    "engine-bench: up to \(options.iterations) timed calls or \(options.seconds) s per row, after up to \(options.warmup) warm-up calls"
)
for row in rows {
    let label = row.name.padding(toLength: 40, withPad: " ", startingAt: 0)
    print(
        "\(label) n \(row.summary.count)  median \(Summary.fixed(row.summary.median)) us  p90 \(Summary.fixed(row.summary.p90)) us  p99 \(Summary.fixed(row.summary.p99)) us"
    )
}
if let path = options.json {
    let members = rows.map { "  \"\($0.name)\": \($0.summary.json)" }.joined(separator: ",\n")
    try Data("{\n\(members)\n}\n".utf8).write(to: URL(fileURLWithPath: path))
}
