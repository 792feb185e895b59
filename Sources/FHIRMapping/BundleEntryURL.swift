/// `urn:uuid:` fullUrls for exported resources that are stable for one case and one
/// resource: an RFC 9562 version 8 ("custom") UUID whose 122 free bits are two FNV-1a 64
/// hashes of the seed, each passed through the SplitMix64 finalizer (so that seeds differing
/// in one character give unrelated-looking ids). Stable output lets a client diff two exports; the engine has no
/// clock or random source, and it needs neither here.
enum BundleEntryURL {
    static func uuid(seed: String) -> String {
        let bytes = Array(seed.utf8)
        var high = mix(fnv1a(bytes, basis: 0xcbf2_9ce4_8422_2325))
        var low = mix(fnv1a(bytes, basis: 0x6c62_272e_07bb_0142))
        high = (high & ~0x0000_0000_0000_F000) | 0x0000_0000_0000_8000  // version 8
        low = (low & ~0xC000_0000_0000_0000) | 0x8000_0000_0000_0000  // variant 10
        let hex = hex64(high) + hex64(low)
        let chars = Array(hex)
        let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(chars[$0]) }
        return "urn:uuid:" + groups.joined(separator: "-")
    }

    private static func fnv1a(_ bytes: [UInt8], basis: UInt64) -> UInt64 {
        var hash = basis
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x = (x ^ (x >> 30)) &* 0xbf58_476d_1ce4_e5b9
        x = (x ^ (x >> 27)) &* 0x94d0_49bb_1331_11eb
        return x ^ (x >> 31)
    }

    private static func hex64(_ value: UInt64) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }
}
