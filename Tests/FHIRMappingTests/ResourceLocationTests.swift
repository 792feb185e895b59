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
        let inner: JSONValue = ["resourceType": "Bundle", "type": "searchset",
                                "entry": [["resource": ["resourceType": "Observation", "id": "o"]]]]
        let outer: JSONValue = ["resourceType": "Bundle", "type": "transaction",
                                "entry": [["resource": ["resourceType": "Patient", "id": "p"]], ["request": ["method": "GET"]],
                                          ["resource": inner]]]
        let located = FHIRResources.locate(outer)
        #expect(located.map(\.label) == ["Patient/p", "Observation/o"])
        #expect(located.map(\.pointer.description) == ["/entry/0/resource", "/entry/2/resource/entry/0/resource"])
    }

    @Test func notJSONResourcesGiveNothing() {
        #expect(FHIRResources.flatten([1, 2]).isEmpty)
        #expect(FHIRResources.flatten(["id": "no resourceType"]).isEmpty)
    }

    @Test func theImportShapeNamesEachProblem() {
        #expect(FHIRBundleShape.issues([1]).map(\.pointer) == [""])
        #expect(FHIRBundleShape.issues(["resourceType": "Patient"]).first?.detail.contains("must be 'Bundle', not 'Patient'") == true)
        let searchset: JSONValue = ["resourceType": "Bundle", "type": "searchset", "entry": [["resource": ["resourceType": "Patient"]]]]
        #expect(FHIRBundleShape.issues(searchset).map(\.pointer) == ["/type"])
        let broken: JSONValue = ["resourceType": "Bundle", "type": "collection", "entry": [["fullUrl": "x"], 3, ["resource": ["id": "x"]]]]
        #expect(FHIRBundleShape.issues(broken).map(\.pointer) == ["/entry/0/resource", "/entry/1", "/entry/2/resource/resourceType"])
        let empty: JSONValue = ["resourceType": "Bundle", "type": "collection", "entry": []]
        #expect(FHIRBundleShape.issues(empty).map(\.pointer) == ["/entry"])
    }
}
