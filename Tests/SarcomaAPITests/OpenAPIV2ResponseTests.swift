import Foundation
import HTTPServer
import JSON
import Testing

/// The `/v2` answers of representative cases conform to the response schemas of the served
/// `/openapi.json` (delta §0.9): every pathway family, the DFSP and pediatric scopes, a
/// recurrence, a prior resection, withheld agents and modalities, with and without the trace,
/// stateless and on a stored case. The cases are §12 worked checks (rules v2).
@Suite("OpenAPI v2 response schemas hold for real answers")
struct OpenAPIV2ResponseTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var body: String
        var testDescription: String { name }
    }

    /// A §12 input: the defaults of §12 with the case's tumor and disease members (a member the
    /// case gives replaces its default; a JSON object names each member once).
    static func worked(_ name: String, tumor: String, disease: String = "", patient: String = "") -> Case {
        let patientMembers = patient.isEmpty ? "" : ", " + patient
        let diseaseMembers = disease.isEmpty ? "" : ", " + disease
        /// The defaults that `given` does not name, as JSON members.
        func defaults(_ members: [(String, String)], except given: String) -> String {
            members.filter { !given.contains("\"\($0.0)\"") }.map { "\"\($0.0)\": \($0.1), " }.joined()
        }
        let tumorDefaults = defaults([("nodes", #""N0""#), ("metastasis", #""M0""#)], except: tumor)
        let diseaseDefaults = defaults([("presentation", #""primary""#), ("resectable", "true")], except: disease)
        return Case(
            name: name,
            body: """
                {"patient": {"ageYears": 50, "ecog": 1, "ivTherapyEligible": true, "anthracyclineCandidate": true\
                \(patientMembers)},
                 "tumor": {\(tumorDefaults)"ntrkFusion": false, \(tumor)},
                 "disease": {\(diseaseDefaults)"priorSystemicLines": 0,
                             "priorAnthracycline": false\(diseaseMembers)}}
                """)
    }

    static let cases: [Case] = [
        worked(
            "C30 stage II synovial",
            tumor: #""site": "extremity", "sizeCm": 4.5, "depth": "deep", "histology": "synovial_sarcoma", "grade": 3"#),
        worked(
            "C17 recurrent UPS",
            tumor:
                #""site": "extremity", "sizeCm": 4, "depth": "deep", "histology": "undifferentiated_pleomorphic_sarcoma", "grade": 3"#,
            disease: #""presentation": "recurrent", "priorRadiotherapy": true"#),
        worked(
            "C34 DFSP M1",
            tumor:
                #""site": "trunk", "sizeCm": 6, "histology": "dermatofibrosarcoma_protuberans", "metastasis": "M1", "metastaticSites": ["lung"]"#,
            patient: #""sex": "female""#),
        worked(
            "C36 UPS with one resectable lung metastasis",
            tumor:
                #""site": "extremity", "sizeCm": 7, "depth": "deep", "histology": "undifferentiated_pleomorphic_sarcoma", "grade": 3, "metastasis": "M1", "metastaticSites": ["lung"]"#,
            disease: #""metastasesResectable": true"#),
        worked(
            "C05 RP DDLPS 22 cm",
            tumor: #""site": "retroperitoneum", "sizeCm": 22, "histology": "dedifferentiated_liposarcoma", "grade": 3"#),
        worked(
            "C37b unresectable UPS, no limb sparing",
            tumor:
                #""site": "extremity", "sizeCm": 16, "depth": "deep", "histology": "undifferentiated_pleomorphic_sarcoma", "grade": 3"#,
            disease: #""resectable": false, "limbSparingPossible": false"#),
        Case(
            name: "P1 IV-ineligible LMS, second line",
            body: """
                {"patient": {"ageYears": 70, "ecog": 2, "ivTherapyEligible": false, "anthracyclineCandidate": false},
                 "tumor": {"site": "extremity", "sizeCm": 8, "depth": "deep", "histology": "leiomyosarcoma",
                           "grade": 3, "nodes": "N0", "metastasis": "M1", "metastaticSites": ["lung", "liver"],
                           "ntrkFusion": false},
                 "disease": {"presentation": "primary", "resectable": true, "priorSystemicLines": 1,
                             "priorAnthracycline": false}}
                """),
        Case(
            name: "C11 infant NTRK+ fibrosarcoma",
            body: """
                {"patient": {"ageYears": 1, "ivTherapyEligible": true, "anthracyclineCandidate": true},
                 "tumor": {"site": "extremity", "sizeCm": 6, "depth": "deep", "histology": "infantile_fibrosarcoma",
                           "nodes": "N0", "metastasis": "M0", "ntrkFusion": true},
                 "disease": {"presentation": "primary", "resectable": false, "priorSystemicLines": 0,
                             "priorAnthracycline": false}}
                """),
        worked(
            "V-IB-CLOSE prior resection",
            tumor: #""site": "extremity", "sizeCm": 7, "depth": "deep", "histology": "leiomyosarcoma", "grade": 1"#,
            disease:
                #""priorResection": {"type": "planned", "margin": "R0", "closestMarginCm": 0.5, "fascialPlaneIntact": false}"#
        ),
    ]

    static let sections: [(path: String, schema: String)] = [
        ("staging", "StagingResultV2"), ("margins", "MarginsResultV2"), ("imaging", "ImagingResultV2"),
        ("perioperative", "PerioperativeResultV2"), ("palliative", "PalliativeResultV2"),
        ("assessment", "AssessmentResultV2"),
    ]

    static func json(_ response: HTTPResponse) throws -> JSONValue { try JSONParser().parse(response.body) }

    static func schemas(_ fixture: ServiceFixture) throws -> SchemaCheck {
        let served = fixture.handle("GET", "/openapi.json")
        #expect(served.status == 200)
        return SchemaCheck(document: try json(served))
    }

    @Test("POST /v2/<section> and /v2/assessment, with and without ?explain=true", arguments: cases)
    func stateless(_ sent: Case) throws {
        let fixture = try ServiceFixture()
        let schemas = try Self.schemas(fixture)
        for (path, schema) in Self.sections {
            for query in ["", "?explain=true"] {
                let response = fixture.handle(
                    "POST", "/v2/\(path)\(query)", headers: [("Content-Type", "application/json")], body: sent.body)
                #expect(response.status == 200, "\(path)\(query): \(String(decoding: response.body, as: UTF8.self))")
                let problems = schemas.problems(try Self.json(response), schemaNamed: schema)
                #expect(problems.isEmpty, "\(path)\(query) against \(schema): \(problems.prefix(10))")
            }
        }
    }

    @Test("GET /v2/cases/{id}/<section>: the stored answers and their records")
    func stored() throws {
        let fixture = try ServiceFixture()
        let schemas = try Self.schemas(fixture)
        let created = fixture.handle(
            "POST", "/v1/cases", headers: [("Content-Type", "application/json")], body: Self.cases[3].body)
        #expect(created.status == 201)
        let location = try #require(created.headers["Location"])
        let id = String(try #require(location.split(separator: "/").last))
        for (path, schema) in Self.sections {
            let response = fixture.handle("GET", "/v2/cases/\(id)/\(path)")
            #expect(response.status == 200)
            let problems = schemas.problems(try Self.json(response), schemaNamed: "Stored" + schema)
            #expect(problems.isEmpty, "stored \(path) against Stored\(schema): \(problems.prefix(10))")
        }
        let list = fixture.handle("GET", "/v2/cases/\(id)/evaluations")
        #expect(list.status == 200)
        let problems = schemas.problems(try Self.json(list), schemaNamed: "EvaluationListV2")
        #expect(problems.isEmpty, "evaluations against EvaluationListV2: \(problems.prefix(10))")
    }

    @Test("the checker refuses what a schema forbids (a wrong enum, a missing member, an unknown keyword)")
    func checkerRefuses() throws {
        let document: JSONValue = [
            "components": [
                "schemas": [
                    "A": [
                        "type": "object", "required": ["x"],
                        "properties": ["x": ["type": "string", "enum": ["a", "b"]], "y": ["uniqueItems": true]],
                    ]
                ]
            ]
        ]
        let check = SchemaCheck(document: document)
        #expect(check.problems(["x": "a"], schemaNamed: "A").isEmpty)
        #expect(check.problems(["x": "c"], schemaNamed: "A").count == 1)
        #expect(check.problems([:], schemaNamed: "A").count == 1)
        #expect(check.problems(["x": "a", "y": [1, 1]], schemaNamed: "A").count == 1)
        #expect(!check.problems(["x": "a"], schemaNamed: "Missing").isEmpty)
    }
}
