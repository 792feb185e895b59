/// Median, p90 and p99 of a set of samples (nearest-rank percentiles).
struct Summary {
    let count: Int
    let median: Double
    let p90: Double
    let p99: Double

    init(_ samples: [Double]) {
        let sorted = samples.sorted()
        func rank(_ p: Double) -> Double {
            sorted[min(sorted.count - 1, max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1))]
        }
        count = sorted.count
        median = rank(0.5)
        p90 = rank(0.9)
        p99 = rank(0.99)
    }

    var json: String {
        "{\"count\": \(count), \"median_us\": \(Self.fixed(median)), \"p90_us\": \(Self.fixed(p90)), \"p99_us\": \(Self.fixed(p99))}"
    }

    static func fixed(_ value: Double) -> String {
        let hundredths = (value * 100).rounded()
        return String(hundredths / 100)
    }
}
