import Foundation
import JSON
import SarcomaGuidelines
import Testing

/// The closed enums of the `/v2` response schemas (delta §4) are exactly the values the engine
/// can write: each schema enum against the Swift type the answer is built from, so a value
/// added on one side only fails here before a client meets it.
@Suite("OpenAPI v2 closed enums match the engine's vocabularies")
struct OpenAPIV2EnumTests {
    struct Row: Sendable, CustomTestStringConvertible {
        /// Schema name, then the property path inside it.
        var schema: String
        var path: [String]
        var values: [String]
        var nullable = false
        var testDescription: String { ([schema] + path).joined(separator: ".") }
    }

    static func codes<Code: RawRepresentable & CaseIterable>(_: Code.Type) -> [String] where Code.RawValue == String {
        Code.allCases.map(\.rawValue)
    }

    static let rows: [Row] = [
        Row(schema: "StagingResultV2", path: ["classification"], values: codes(StagingSectionV2.Classification.self)),
        Row(schema: "StagingResultV2", path: ["planningGrade"], values: codes(PlanningGrade.self)),
        Row(schema: "MarginsResultV2", path: ["strategy"], values: codes(MarginStrategyV2.self)),
        Row(schema: "MarginsResultV2", path: ["marginMeaning"], values: codes(MarginMeaning.self)),
        Row(schema: "MarginsResultV2", path: ["context"], values: codes(MarginContext.self)),
        Row(schema: "MarginsResultV2", path: ["reExcision"], values: codes(ReExcisionAdvice.self)),
        Row(schema: "MarginsResultV2", path: ["amputation"], values: codes(AmputationAdvice.self)),
        Row(
            schema: "MarginsResultV2", path: ["biopsy", "sentinelNodeBiopsy"],
            values: codes(MarginSectionV2.SentinelNodeBiopsy.self)),
        Row(schema: "ImagingStudyV2", path: ["modality"], values: codes(ImagingModalityV2.self)),
        Row(schema: "PerioperativeOptionV2", path: ["modality"], values: codes(PerioperativeModalityV2.self)),
        Row(schema: "NotRecommendedV2", path: ["modality"], values: codes(PerioperativeModalityV2.self)),
        Row(
            schema: "PerioperativeOptionV2", path: ["appliesTo"], values: codes(PerioperativeOptionV2.AppliesTo.self),
            nullable: true),
        Row(schema: "PerioperativeOptionV2", path: ["route"], values: codes(TherapyRoute.self)),
        Row(schema: "PerioperativeOptionV2", path: ["intent"], values: codes(TherapyIntent.self)),
        Row(schema: "PerioperativeResultV2", path: ["scope"], values: codes(TreatmentScope.self)),
        Row(schema: "PerioperativeResultV2", path: ["pathway"], values: codes(CasePathway.self)),
        Row(schema: "PerioperativeResultV2", path: ["planningGrade"], values: codes(PlanningGrade.self)),
        Row(schema: "AssessmentResultV2", path: ["pathway"], values: codes(CasePathway.self)),
        Row(schema: "AssessmentResultV2", path: ["scope"], values: codes(TreatmentScope.self)),
        Row(schema: "AgentV2", path: [], values: codes(TherapyAgent.self)),
        Row(schema: "RecommendationV2", path: ["categoryBasis"], values: codes(CategoryBasis.self)),
        Row(schema: "RecommendationV2", path: ["evidenceType"], values: codes(EvidenceType.self), nullable: true),
        // Delta §4.6: one reasonCode vocabulary for withheld agents and withheld modalities.
        Row(
            schema: "NotRecommendedV2", path: ["reasonCode"],
            values: codes(WithholdingReason.self) + codes(ModalityWithholding.self)),
    ]

    static let document: JSONValue? = {
        let url = ServiceFixture.root.appendingPathComponent("Config/openapi.json")
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONParser().parse(data)
    }()

    @Test("schema enum == the engine's values", arguments: rows)
    func closedEnum(_ row: Row) throws {
        var node = try #require(Self.document?["components"]?["schemas"]?[row.schema], "no schema \(row.schema)")
        for key in row.path {
            node = try #require(node["properties"]?[key], "no property \(key) in \(row.testDescription)")
        }
        let listed = try #require(node["enum"]?.arrayValue, "\(row.testDescription) has no enum")
        let expected = (row.values.map(JSONValue.string) + (row.nullable ? [JSONValue.null] : [])).map(\.description)
        let written = listed.map(\.description)
        #expect(written.count == Set(written).count, "a value listed twice")
        #expect(Set(written) == Set(expected))
    }
}
