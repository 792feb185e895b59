/// "Did you mean ...?": finds the known name a person most likely meant.
///
/// In order: the same name in another case or separator style (`sizecm`, `size_cm`,
/// `Size-Cm` for `sizeCm`; `Head and Neck` for `head_and_neck`); the one name that starts
/// with what was typed (at least 3 letters: `age` for `ageYears`); the one name closest
/// within two edits (insert, delete, substitute, swap neighbours; case-insensitive, so
/// `histolgy` gives `histology`). Only a unique answer is suggested: `N2` is one edit
/// from both `N0` and `N1`, and naming either would be a guess about a patient. A
/// suggestion is only ever shown, never applied.
package enum NearMatch {
    static let maxEdits = 2
    static let minPrefix = 3

    /// `normalized`, when given, is `candidates.map(normalized)` worked out beforehand.
    package static func suggestion(for input: String, among candidates: [String], normalized known: [String]? = nil) -> String?
    {
        let typed = normalized(input)
        let known = known ?? candidates.map(normalized)
        if let index = known.firstIndex(of: typed) {
            return candidates[index]
        }
        if typed.count >= minPrefix {
            let extended = known.indices.filter { known[$0].hasPrefix(typed) }
            if extended.count == 1 { return candidates[extended[0]] }
        }
        // Typos are short; a long stray key gets no edit-distance search.
        guard input.utf8.count <= 64 else { return nil }
        let lowered = Array(input.lowercased().unicodeScalars)
        var best: [String] = []
        var bestDistance = maxEdits + 1
        for candidate in candidates {
            let target = Array(candidate.lowercased().unicodeScalars)
            guard abs(target.count - lowered.count) <= maxEdits else { continue }
            let distance = editDistance(lowered, target)
            guard distance <= maxEdits else { continue }
            if distance < bestDistance {
                best = [candidate]
                bestDistance = distance
            } else if distance == bestDistance {
                best.append(candidate)
            }
        }
        return best.count == 1 ? best[0] : nil
    }

    /// Lowercased, without `_`, `-`, spaces and dots.
    static func normalized(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { !"_- .".unicodeScalars.contains($0) })
    }

    /// Optimal string alignment distance (Damerau-Levenshtein without repeated edits of
    /// one substring), enough for typing slips like `histolgy` or `szieCm`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
