/// The one closeness predicate of clinical rules §5 (M9), shared by MARGIN-REEXCISION,
/// PERIOP-STAGE1-CLOSE-MARGIN, PERIOP-DFSP and PERIOP-AFTER-RESECTION, so the margin plan and
/// the perioperative plan can never read the same excision differently.
public struct ResectionFacts: Sendable, Equatable {
    public enum Closeness: String, Sendable, VocabularyCode, CaseIterable {
        case positive
        case close
        case clear
        case unknown
    }

    public enum Fascia: String, Sendable, VocabularyCode, CaseIterable {
        case intact
        case breached
        case unknown
    }

    /// `<= 1.0` cm is close (inclusive, §0.2).
    static let closeMaxCm = 1.0

    public var resection: PriorResection
    public var closeness: Closeness
    public var fascia: Fascia

    /// nil when there is no prior resection (`{}` or omitted = not given).
    init?(_ resection: PriorResection?, site: Site) {
        guard let resection else { return nil }
        self.resection = resection
        if site == .retroperitoneum {
            // At RP only the R status counts; the distance is not used.
            switch resection.margin {
            case .r1?, .r2?: closeness = .positive
            case .r0?: closeness = .clear
            case nil: closeness = .unknown
            }
        } else if resection.margin?.isPositive == true {
            closeness = .positive
        } else if let cm = resection.closestMarginCm {
            if cm == 0 {
                closeness = resection.margin == nil ? .positive : .close
            } else {
                closeness = cm <= Self.closeMaxCm ? .close : .clear
            }
        } else {
            closeness = .unknown
        }
        switch resection.fascialPlaneIntact {
        case true?: fascia = .intact
        case false?: fascia = .breached
        case nil: fascia = .unknown
        }
    }

    public var isUnplanned: Bool { resection.type == .unplanned }

    /// `closeness` as the rules act on it: unknown is treated as close (positive at RP), R22.
    func treatedCloseness(site: Site) -> Closeness {
        guard closeness == .unknown else { return closeness }
        return site == .retroperitoneum ? .positive : .close
    }

    /// The effective closest margin was stated `<= 1.0` cm (a stated distance or R1/R2), the
    /// only margin that can carry PERIOP-STAGE1-CLOSE-MARGIN's category (§0.3, R22).
    var statedCloseOrPositive: Bool { closeness == .positive || closeness == .close }
}
