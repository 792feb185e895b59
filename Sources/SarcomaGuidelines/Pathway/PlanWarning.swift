/// A warning of a pack 2026.12-1 decision (scope, pathway, planning grade; contract delta §6): one per code, with the
/// message the answer shows. Which answers carry it is the assembler's job (delta §1, §6).
public struct PlanWarning: Sendable, Equatable {
    public var code: String
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }
}
