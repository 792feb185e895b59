import CaseStore
import Foundation
import Testing
@testable import SarcomaAPI

/// Store faults reach the operator's log (rate-limited), client conflicts do not.
@Suite("Store fault log")
struct StoreFaultLogTests {
    private func lines(_ pipe: Pipe) -> [String] {
        try? pipe.fileHandleForWriting.close()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return text.split(separator: "\n").map(String.init)
    }

    @Test("a full disk is logged once per interval, with the repeats counted on the next line")
    func diskFullIsRateLimited() throws {
        let pipe = Pipe()
        let log = StoreFaultLog(handle: pipe.fileHandleForWriting, interval: 0.2)
        log.report(.diskFull)
        log.report(.diskFull)
        log.report(.diskFull)
        Thread.sleep(forTimeInterval: 0.25)
        log.report(.diskFull)
        let written = lines(pipe)
        try #require(written.count == 2)
        #expect(written[0].contains("level=error"))
        #expect(written[0].contains("kind=disk_full"))
        #expect(written[0].contains("repeats_since_last=0"))
        #expect(written[1].contains("repeats_since_last=2"))
    }

    @Test("an I/O error carries SQLite's code; each kind has its own limit")
    func kindsAreSeparate() throws {
        let pipe = Pipe()
        let log = StoreFaultLog(handle: pipe.fileHandleForWriting, interval: 60)
        log.report(.ioError(code: 1034, message: "disk I/O error"))
        log.report(.busy)
        let written = lines(pipe)
        try #require(written.count == 2)
        #expect(written[0].contains("kind=io_error"))
        #expect(written[0].contains("1034"))
        #expect(written[1].contains("kind=busy"))
    }

    @Test("conflicts, missing cases and shutdown are the client's answer, not a fault")
    func clientOutcomesAreNotLogged() {
        let pipe = Pipe()
        let log = StoreFaultLog(handle: pipe.fileHandleForWriting, interval: 0)
        log.report(.notFound(id: "0f6c2b1e-0000-4000-8000-000000000000"))
        log.report(.duplicateExternalId(existingId: "0f6c2b1e-0000-4000-8000-000000000000"))
        log.report(.versionMismatch(current: 3))
        log.report(.invalidCursor)
        log.report(.closed)
        #expect(lines(pipe).isEmpty)
    }
}
