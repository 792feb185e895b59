import JSON
import SarcomaGuidelines
import Testing
@testable import FHIRMapping

/// `FHIRResources` (lenient, for CDS prefetch) and `FHIRBundleShape` (strict, for import).
@Suite("Finding resources")
struct ResourceLocationTests {
    @Test func aSingleResourceIsItself() {
        let patient: JSONValue = ["resourceType": "Patient", "id": "p"]
        #expect(FHIRResources.flatten(patient) == [["resourceType": "Patient", "id": "p"]])
        #expect(FHIRResources.locate(patient).first?.pointer == .root)
    }

    @Test func bundlesOfAnyTypeAndNestedBundlesAreFlattened() {
        let inner: JSONValue = [
            "resourceType": "Bundle", "type": "searchset",
            "entry": [["resource": ["resourceType": "Observation", "id": "o"]]],
        ]
        let outer: JSONValue = [
            "resourceType": "Bundle", "type": "transaction",
            "entry": [
                ["resource": ["resourceType": "Patient", "id": "p"]], ["request": ["method": "GET"]],
                ["resource": inner],
            ],
        ]
        let located = FHIRResources.locate(outer)
        #expect(located.map(\.label) == ["Patient/p", "Observation/o"])
        #expect(located.map(\.pointer.description) == ["/entry/0/resource", "/entry/2/resource/entry/0/resource"])
    }

    @Test func notJSONResourcesGiveNothing() {
        #expect(FHIRResources.flatten([1, 2]).isEmpty)
        #expect(FHIRResources.flatten(["id": "no resourceType"]).isEmpty)
    }

    /// A searchset that is not the whole answer is refused: a missing page or a failed
    /// search can hold the M1 Observation, and the engine would assume M0.
    @Test func anIncompleteSearchsetIsRefusedAtWhatMakesItIncomplete() {
        let paged: JSONValue = [
            "resourceType": "Bundle", "type": "searchset",
            "link": [
                ["relation": "self", "url": "https://ehr/fhir/Observation?patient=1"],
                ["relation": "next", "url": "https://ehr/fhir/Observation?patient=1&page=2"],
            ],
            "entry": [["resource": ["resourceType": "Patient"]]],
        ]
        let pagedIssues = FHIRBundleShape.issues(paged)
        #expect(pagedIssues.map(\.pointer) == ["/link/1"])
        #expect(pagedIssues.first?.detail.contains("next page") == true)
        let failed: JSONValue = [
            "resourceType": "Bundle", "type": "searchset",
            "entry": [
                ["resource": ["resourceType": "Patient"], "search": ["mode": "match"]],
                [
                    "resource": [
                        "resourceType": "OperationOutcome",
                        "issue": [["severity": "warning", "code": "informational"]],
                    ], "search": ["mode": "outcome"],
                ],
                [
                    "resource": [
                        "resourceType": "OperationOutcome", "issue": [["severity": "error", "code": "too-costly"]],
                    ], "search": ["mode": "outcome"],
                ],
            ],
        ]
        #expect(FHIRBundleShape.issues(failed).map(\.pointer) == ["/entry/2/resource"])
        // The same links in a collection mean nothing to the import.
        let collection: JSONValue = [
            "resourceType": "Bundle", "type": "collection", "link": paged["link"]!,
            "entry": [["resource": ["resourceType": "Patient"]]],
        ]
        #expect(FHIRBundleShape.issues(collection).isEmpty)
    }

    @Test func theImportShapeNamesEachProblem() {
        #expect(FHIRBundleShape.issues([1]).map(\.pointer) == [""])
        #expect(
            FHIRBundleShape.issues(["resourceType": "Patient"]).first?.detail.contains(
                "must be 'Bundle', not 'Patient'") == true)
        let history: JSONValue = [
            "resourceType": "Bundle", "type": "history", "entry": [["resource": ["resourceType": "Patient"]]],
        ]
        #expect(FHIRBundleShape.issues(history).map(\.pointer) == ["/type"])
        for type in ["collection", "transaction", "batch", "searchset", "document"] {
            let bundle: JSONValue = [
                "resourceType": "Bundle", "type": .string(type), "entry": [["resource": ["resourceType": "Patient"]]],
            ]
            #expect(FHIRBundleShape.issues(bundle).isEmpty, "\(type)")
        }
        for type in ["transaction-response", "batch-response", "message", "subscription-notification"] {
            let bundle: JSONValue = [
                "resourceType": "Bundle", "type": .string(type), "entry": [["resource": ["resourceType": "Patient"]]],
            ]
            #expect(FHIRBundleShape.issues(bundle).map(\.pointer) == ["/type"], "\(type)")
        }
        let broken: JSONValue = [
            "resourceType": "Bundle", "type": "collection", "entry": [["fullUrl": "x"], 3, ["resource": ["id": "x"]]],
        ]
        #expect(
            FHIRBundleShape.issues(broken).map(\.pointer) == [
                "/entry/0/resource", "/entry/1", "/entry/2/resource/resourceType",
            ])
        let empty: JSONValue = ["resourceType": "Bundle", "type": "collection", "entry": []]
        #expect(FHIRBundleShape.issues(empty).map(\.pointer) == ["/entry"])
    }
}
