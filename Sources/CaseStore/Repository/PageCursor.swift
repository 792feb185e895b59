import Foundation

/// The opaque `nextCursor` of a listing: base64url of `<listing>:<last seq>`.
///
/// Paging by `seq > last` (never by offset) means rows created or deleted between pages can
/// neither be repeated nor make another be skipped. The listing name keeps a case cursor
/// from being accepted by the evaluations or audit listing, and the other way round.
struct PageCursor: Equatable {
    enum Listing: String {
        case cases = "c"
        case evaluations = "e"
        case audit = "a"
    }

    let listing: Listing
    let lastSeq: Int

    init(listing: Listing, lastSeq: Int) {
        self.listing = listing
        self.lastSeq = lastSeq
    }

    /// Decodes a token given back by a client; anything this store did not issue is refused.
    init(token: String, listing: Listing) throws(CaseStoreError) {
        guard token.utf8.count <= 64 else { throw .invalidCursor }
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.utf8.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8) else {
            throw .invalidCursor
        }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0] == listing.rawValue, parts[1].allSatisfy(\.isASCII),
            parts[1].allSatisfy(\.isNumber), let seq = Int(parts[1]), seq >= 0
        else { throw .invalidCursor }
        self.init(listing: listing, lastSeq: seq)
    }

    var token: String {
        Data("\(listing.rawValue):\(lastSeq)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The seq to page after: 0 for the first page.
    static func lastSeq(of token: String?, listing: Listing) throws(CaseStoreError) -> Int {
        guard let token else { return 0 }
        return try PageCursor(token: token, listing: listing).lastSeq
    }
}

extension PageCursor {
    /// The page size actually used: the caller validates 1...200, the store only clamps.
    static func clampedLimit(_ limit: Int) -> Int {
        min(max(limit, 1), CaseListQuery.maximumLimit)
    }

    /// Cuts rows fetched with `LIMIT limit + 1` into a page: the extra row only tells that
    /// another page exists, and the cursor points after the last row returned.
    static func page<Item>(
        of rows: [(item: Item, seq: Int)], limit: Int, listing: Listing
    ) -> (items: [Item], nextCursor: String?) {
        guard rows.count > limit, let last = rows.prefix(limit).last else {
            return (rows.map(\.item), nil)
        }
        return (rows.prefix(limit).map(\.item), PageCursor(listing: listing, lastSeq: last.seq).token)
    }
}
