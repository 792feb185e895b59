extension String {
    /// The pieces of one engine sentence joined into a string allocated once. Interpolation
    /// grows its buffer piece by piece, and the few sentences every answer must carry
    /// (the staging rationale, the FNCLCC arithmetic) cost more that way than the rules.
    init(sentence pieces: [String]) {
        var count = 0
        for piece in pieces { count += piece.utf8.count }
        self.init(unsafeUninitializedCapacity: count) { buffer in
            var written = 0
            for var piece in pieces {
                piece.withUTF8 { bytes in
                    guard let base = bytes.baseAddress else { return }
                    (buffer.baseAddress! + written).update(from: base, count: bytes.count)
                    written += bytes.count
                }
            }
            return written
        }
    }
}
