import JSON
/// Reading the stand-alone files of pack 2026.12-1 (histology classes, systemic table), which
/// cite rule ids by the contract-v2 pattern rather than v1's closed `RuleID` enum.
extension PackNode {
    static func document(_ bytes: [UInt8], file: String) throws(GuidelinePackError) -> PackNode {
        do {
            return PackNode(value: try JSONParser(maxDepth: 32).parse(bytes), file: file)
        } catch {
            throw GuidelinePackError(file: file, location: "", reason: "is not valid JSON: \(error)")
        }
    }

    /// A rule id of the v2 pattern (`PALL-HIST-DFSP`, `SCOPE-UTERINE`): upper-case words
    /// joined by hyphens, with a known family prefix.
    func ruleIdentifier() throws(GuidelinePackError) -> String {
        let text = try string()
        let words = text.split(separator: "-", omittingEmptySubsequences: false)
        let wellFormed =
            words.count >= 2
            && words.allSatisfy { word in
                !word.isEmpty && word.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
            }
        guard wellFormed, Self.rulePrefixes.contains(String(words[0])) else {
            throw failure(
                "\"\(text)\" is not a rule id (upper-case words joined by hyphens, prefix one of \(Self.rulePrefixes.joined(separator: ", ")))"
            )
        }
        return text
    }

    /// A rule id of the given family prefix (`MARGIN`, `IMG`, `PALL`).
    func ruleIdentifier(prefix: String) throws(GuidelinePackError) -> String {
        let id = try ruleIdentifier()
        guard id.hasPrefix(prefix + "-") else { throw failure("\"\(id)\" is not a \(prefix)- rule id") }
        return id
    }

    static let rulePrefixes = ["GRADE", "STAGE", "BIOPSY", "MARGIN", "IMG", "PERIOP", "PALL", "SCOPE", "CONS", "REND"]

    /// A snake_case code (`dermatofibrosarcoma_protuberans`).
    func snakeCode() throws(GuidelinePackError) -> String {
        let text = try string()
        guard let first = text.first, ("a"..."z").contains(first),
            text.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" })
        else {
            throw failure("\"\(text)\" is not a snake_case code")
        }
        return text
    }
}
