import Foundation
import HTTPServer
import Locking

/// Request counters and latency histograms per method, route template and status, in
/// Prometheus text format. Route templates (never raw paths) keep the label set bounded
/// and keep identifiers out of the metrics.
public final class MetricsRegistry: Sendable {
    private let series = LockedValue<[SeriesKey: Series]>([:])
    private let started = Date()

    /// Upper bounds in seconds; `+Inf` is implied.
    public static let buckets: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

    private struct SeriesKey: Hashable, Comparable {
        var method: String
        var route: String
        var status: Int

        static func < (lhs: SeriesKey, rhs: SeriesKey) -> Bool {
            (lhs.route, lhs.method, lhs.status) < (rhs.route, rhs.method, rhs.status)
        }
    }

    private struct Series {
        var count = 0
        var sum = 0.0
        var bucketCounts = [Int](repeating: 0, count: MetricsRegistry.buckets.count)

        mutating func add(_ seconds: Double, bucket: Int?) {
            count += 1
            sum += seconds
            if let bucket { bucketCounts[bucket] += 1 }
        }
    }

    public init() {}

    /// Methods a client invents become "other": one label value per made-up method would
    /// let any client grow the series (and the scrape) without bound.
    static func methodLabel(_ method: String) -> String {
        ["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "-"].contains(method) ? method : "other"
    }

    public func record(_ record: RequestLogRecord) {
        let key = SeriesKey(
            method: Self.methodLabel(record.method), route: record.routeTemplate ?? "unmatched", status: record.status)
        let bucket = Self.buckets.firstIndex(where: { record.durationSeconds <= $0 })
        // Changed in place: one hash lookup, and the bucket array is not copied (reading the
        // entry out and storing it back did both, twice the cost of the rest of `record`).
        series.withLock { series in
            series[key, default: Series()].add(record.durationSeconds, bucket: bucket)
        }
    }

    /// The exposition text; `openConnections` comes from the server at scrape time.
    public func render(openConnections: Int) -> String {
        let snapshot = series.withLock { $0 }.sorted { $0.key < $1.key }

        var out = ""
        out +=
            "# HELP sarcoma_guide_http_requests_total HTTP requests answered, by method, route template and status.\n"
        out += "# TYPE sarcoma_guide_http_requests_total counter\n"
        for (key, value) in snapshot {
            out += "sarcoma_guide_http_requests_total{\(labels(key))} \(value.count)\n"
        }
        out += "# HELP sarcoma_guide_http_request_duration_seconds Time from a complete request head to the answer.\n"
        out += "# TYPE sarcoma_guide_http_request_duration_seconds histogram\n"
        for (key, value) in snapshot {
            var cumulative = 0
            for (index, bound) in Self.buckets.enumerated() {
                cumulative += value.bucketCounts[index]
                out +=
                    "sarcoma_guide_http_request_duration_seconds_bucket{\(labels(key)),le=\"\(format(bound))\"} \(cumulative)\n"
            }
            out += "sarcoma_guide_http_request_duration_seconds_bucket{\(labels(key)),le=\"+Inf\"} \(value.count)\n"
            out += "sarcoma_guide_http_request_duration_seconds_sum{\(labels(key))} \(format(value.sum))\n"
            out += "sarcoma_guide_http_request_duration_seconds_count{\(labels(key))} \(value.count)\n"
        }
        out += "# HELP sarcoma_guide_open_connections Client connections open now.\n"
        out += "# TYPE sarcoma_guide_open_connections gauge\n"
        out += "sarcoma_guide_open_connections \(openConnections)\n"
        out += "# HELP sarcoma_guide_uptime_seconds Seconds since the service started.\n"
        out += "# TYPE sarcoma_guide_uptime_seconds gauge\n"
        out += "sarcoma_guide_uptime_seconds \(format(Date().timeIntervalSince(started)))\n"
        return out
    }

    private func labels(_ key: SeriesKey) -> String {
        "method=\"\(escape(key.method))\",route=\"\(escape(key.route))\",status=\"\(key.status)\""
    }

    private func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    private func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
