import JSON
import SarcomaGuidelines

/// What `FHIRCaseMapper` made of a set of FHIR resources: a case body in the contract's form
/// (decode it with `CaseDecoder`, as `POST /v1/cases` does), a stable key for `externalId`,
/// and an account of every element used and every element left out, with the reason.
public struct FHIRCaseMapping: Sendable, Equatable {
    /// A case body as in api-contract.md ("The case"). Only members the resources justify.
    public var caseDocument: JSONObject
    /// Stable key for `externalId` (also written into `caseDocument`), from the source
    /// identifiers; nil when the resources carry none (each import then creates a case).
    public var sourceIdentifier: String?
    /// What was used: e.g. `Observation/abc`, `valueCodeableConcept` -> `/tumor/nodes`.
    public var mapped: [FHIRMappedElement]
    /// What was not used, and why.
    public var ignored: [FHIRIgnoredElement]
    /// Why the resources cannot become a case (not a sarcoma, no primary Condition,
    /// conflicting values, refused units ...), each pointing into the payload. Empty when
    /// `caseDocument` may be decoded. Never silently resolved by picking one value.
    public var issues: [FieldIssue]
    /// Values the source reported that the engine computes itself (T category, stage
    /// group): not input, kept so a caller can compare them with its own staging.
    public var reported: [FHIRReportedValue]
    /// Present but not read, and not compared (a stage group in text or an unknown code):
    /// the import answer lists them under `warnings`.
    public var warnings: [FHIRMappingWarning]

    public init(
        caseDocument: JSONObject = JSONObject(), sourceIdentifier: String? = nil,
        mapped: [FHIRMappedElement] = [], ignored: [FHIRIgnoredElement] = [],
        issues: [FieldIssue] = [], reported: [FHIRReportedValue] = [],
        warnings: [FHIRMappingWarning] = []
    ) {
        self.caseDocument = caseDocument
        self.sourceIdentifier = sourceIdentifier
        self.mapped = mapped
        self.ignored = ignored
        self.issues = issues
        self.reported = reported
        self.warnings = warnings
    }

    /// Where a case-body pointer (`/tumor/sizeCm`) came from in the payload, when exactly one
    /// source element feeds it (several agreeing sources give the first). Lets a caller turn
    /// a `CaseDecoder` issue into a pointer into the Bundle.
    public func source(of target: String) -> FHIRMappedElement? {
        mapped.first { $0.target == target }
    }
}

/// One FHIR element that fed one case field.
public struct FHIRMappedElement: Sendable, Equatable {
    /// `Observation/abc`.
    public var resource: String
    /// The element inside that resource, e.g. `valueCodeableConcept`, `component[0].valueQuantity`.
    public var element: String
    /// JSON pointer into the case body, e.g. `/tumor/nodes`.
    public var target: String
    /// JSON pointer into the payload, e.g. `/entry/3/resource/valueCodeableConcept`.
    public var source: String
    /// The value as read, in words (`"125 mm -> 12.5 cm"`), for the import report.
    public var note: String?

    public init(resource: String, element: String, target: String, source: String, note: String? = nil) {
        self.resource = resource
        self.element = element
        self.target = target
        self.source = source
        self.note = note
    }

    public var json: JSONValue {
        var object: JSONObject = [
            "resource": .string(resource), "element": .string(element),
            "target": .string(target), "source": .string(source),
        ]
        object["note"] = note.map(JSONValue.string) ?? .null
        return .object(object)
    }
}

/// One FHIR resource (or one element of it) that was not used, and why.
public struct FHIRIgnoredElement: Sendable, Equatable {
    public var resource: String
    /// nil when the whole resource was left out.
    public var element: String?
    public var reason: String
    /// JSON pointer into the payload.
    public var source: String

    public init(resource: String, element: String?, reason: String, source: String) {
        self.resource = resource
        self.element = element
        self.reason = reason
        self.source = source
    }

    public var json: JSONValue {
        [
            "resource": .string(resource), "element": element.map(JSONValue.string) ?? .null,
            "reason": .string(reason), "source": .string(source),
        ]
    }
}

/// A value the source states that the service computes itself (reported T, stage group).
public struct FHIRReportedValue: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// A T category, without its c/p prefix: `T3`.
        case tCategory
        /// An AJCC stage group: `IIIB`.
        case stageGroup
    }

    public var kind: Kind
    public var value: String
    public var resource: String
    public var source: String

    public init(kind: Kind, value: String, resource: String, source: String) {
        self.kind = kind
        self.value = value
        self.resource = resource
        self.source = source
    }
}
