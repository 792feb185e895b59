import Foundation
import Locking

/// The uuids of the cards this service answered, with the service that issued each, so
/// feedback can only be about a card the clinician was actually shown (CDS Hooks 2.0.1:
/// feedback's `card` is "the card.uuid from the CDS Hooks response"). In memory only and
/// bounded: each uuid is kept for `retention` seconds (24 hours by default) and at most
/// `capacity` are kept (the oldest go first); a restart forgets them all, after which
/// feedback on earlier cards is refused (422) rather than stored unchecked.
package final class IssuedCards: Sendable {
    /// Each remembered card uuid (lowercased), with the service that issued it and when.
    private let issued = LockedValue<[String: (serviceId: String, issuedAt: Double)]>([:])
    package let capacity: Int
    package let retention: Double

    package init(capacity: Int = 100_000, retention: Double = 24 * 3_600) {
        self.capacity = capacity
        self.retention = retention
    }

    /// Records the uuids of the cards of one answer of `serviceId`.
    package func remember(_ uuids: [String], serviceId: String, now: Double = Date().timeIntervalSince1970) {
        guard !uuids.isEmpty else { return }
        issued.withLock { issued in
            if issued.count + uuids.count > capacity {
                issued = issued.filter { now - $0.value.issuedAt <= retention }
                while issued.count + uuids.count > capacity,
                    let oldest = issued.min(by: { $0.value.issuedAt < $1.value.issuedAt })
                {
                    issued[oldest.key] = nil
                }
            }
            for uuid in uuids.suffix(capacity) { issued[uuid.lowercased()] = (serviceId, now) }
        }
    }

    /// Whether `serviceId` issued the card `uuid` (compared case-insensitively) within the retention time.
    package func wasIssued(_ uuid: String, by serviceId: String, now: Double = Date().timeIntervalSince1970) -> Bool {
        guard let entry = issued.withLock({ $0[uuid.lowercased()] }) else { return false }
        return entry.serviceId == serviceId && now - entry.issuedAt <= retention
    }

    package var count: Int {
        issued.withLock { $0.count }
    }
}
