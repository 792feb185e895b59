import Foundation
import HTTPServer
import Testing

@Suite("Case endpoints on the real binary")
struct CaseStoreEndToEndTests {
    @Test func validateStoresNothingAndNormalizes() throws {
        let service = try ServiceProcess()
        let response = try service.send("POST", "/v1/validate", body: Fixtures.contractCase())
        #expect(response.status == 200)
        #expect(response.object.object("tumor").string("site") == "extremity")
        #expect(response.object["id"] == nil)
        let list = try service.send("GET", "/v1/cases")
        #expect(list.object.array("items").isEmpty)
    }

    @Test func createReadReplaceDeleteWithETags() throws {
        let service = try ServiceProcess()
        let created = try service.send("POST", "/v1/cases", body: Fixtures.contractCase())
        #expect(created.status == 201)
        let id = try #require(created.object.string("id"))
        #expect(created.header("Location") == "/v1/cases/\(id)")
        let etag = try #require(created.header("ETag"))
        #expect(created.object.int("version") == 1)
        #expect(created.object.string("createdAt") != nil)
        #expect(created.object.string("updatedAt") != nil)

        let read = try service.send("GET", "/v1/cases/\(id)")
        #expect(read.status == 200)
        #expect(read.header("ETag") == etag)
        #expect(read.object.object("tumor").string("histology") == "myxofibrosarcoma")

        let notModified = try service.send("GET", "/v1/cases/\(id)", headers: [("If-None-Match", etag)])
        #expect(notModified.status == 304)
        #expect(notModified.body.isEmpty)

        // PUT may echo the server-managed fields exactly as GET returned them.
        var document = read.object
        var tumor = document.object("tumor")
        tumor["sizeCm"] = 4.5
        document["tumor"] = tumor
        let body = String(decoding: try JSONSerialization.data(withJSONObject: document), as: UTF8.self)
        let replaced = try service.send("PUT", "/v1/cases/\(id)", headers: [("If-Match", etag)], body: body)
        #expect(replaced.status == 200)
        #expect(replaced.object.int("version") == 2)
        #expect(replaced.header("ETag") != etag)

        let stale = try service.send("PUT", "/v1/cases/\(id)", headers: [("If-Match", etag)], body: body)
        #expect(stale.status == 412)
        #expect(stale.header("Content-Type") == "application/problem+json")

        var otherID = document
        otherID["id"] = "00000000-0000-0000-0000-000000000000"
        let mismatch = try service.send(
            "PUT", "/v1/cases/\(id)",
            body: String(decoding: try JSONSerialization.data(withJSONObject: otherID), as: UTF8.self))
        #expect(mismatch.status == 422)
        #expect(mismatch.object.array("errors").first?.string("pointer") == "/id")

        let deleted = try service.send("DELETE", "/v1/cases/\(id)")
        #expect(deleted.status == 204)
        #expect(try service.send("GET", "/v1/cases/\(id)").status == 404)
        #expect(try service.send("DELETE", "/v1/cases/\(id)").status == 404)
    }

    @Test func duplicateExternalIdIsAConflictNamingTheExistingCase() throws {
        let service = try ServiceProcess()
        let first = try service.send("POST", "/v1/cases", body: Fixtures.contractCase(externalId: "EHR-DUP"))
        let id = try #require(first.object.string("id"))
        let second = try service.send("POST", "/v1/cases", body: Fixtures.contractCase(externalId: "EHR-DUP"))
        #expect(second.status == 409)
        #expect(second.object.string("existingId") == id)
        let list = try service.send("GET", "/v1/cases?externalId=EHR-DUP")
        #expect(list.object.array("items").count == 1)
    }

    @Test func listPagesEveryCaseExactlyOnce() throws {
        let service = try ServiceProcess()
        var created: [String] = []
        for index in 0..<7 {
            let site = index.isMultiple(of: 2) ? "trunk" : "extremity"
            let response = try service.send(
                "POST", "/v1/cases", body: Fixtures.minimalCase(site: site, externalId: "EHR-\(index)"))
            created.append(try #require(response.object.string("id")))
        }
        var seen: [String] = []
        var cursor: String?
        repeat {
            let path = "/v1/cases?limit=3" + (cursor.map { "&cursor=\($0)" } ?? "")
            let page = try service.send("GET", path)
            #expect(page.status == 200)
            seen += page.object.array("items").compactMap { $0.string("id") }
            cursor = page.object.string("nextCursor")
        } while cursor != nil
        #expect(seen == created)

        let trunk = try service.send("GET", "/v1/cases?site=trunk&limit=200")
        #expect(trunk.object.array("items").count == 4)
    }

    @Test(arguments: [
        ("/v1/cases?limit=0", "limit"),
        ("/v1/cases?limit=abc", "limit"),
        ("/v1/cases?site=leg", "site"),
        ("/v1/cases?cursor=not-a-cursor", "cursor"),
        ("/v1/cases?colour=blue", "colour"),
    ])
    func badQueryParametersAre400(path: String, parameter: String) throws {
        let service = try ServiceProcess()
        let response = try service.send("GET", path)
        #expect(response.status == 400)
        #expect(response.header("Content-Type") == "application/problem+json")
        #expect(response.object.string("detail")?.contains(parameter) == true)
    }
}
