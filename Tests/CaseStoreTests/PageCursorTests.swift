import Testing

@testable import CaseStore

@Suite("Cursor tokens")
struct PageCursorTests {
    @Test func roundTrips() throws {
        for seq in [0, 1, 49, 1_000_000_007] {
            let token = PageCursor(listing: .cases, lastSeq: seq).token
            #expect(!token.contains("="))
            #expect(try PageCursor(token: token, listing: .cases).lastSeq == seq)
        }
    }

    @Test func aCaseCursorIsNotAnEvaluationCursor() {
        let token = PageCursor(listing: .cases, lastSeq: 12).token
        #expect(throws: CaseStoreError.invalidCursor) { try PageCursor(token: token, listing: .evaluations) }
    }
}
