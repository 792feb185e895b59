/// An ordered list of upper bounds mapping a measurement to a value: the first step whose
/// bound holds wins, `otherwise` beyond the last. A bound is inclusive (`max`, "up to and
/// including", as AJCC's "5.0 cm is T1") or exclusive (`below`, as "necrosis < 50 %").
///
/// Pack form: `{"steps": [{"max": 5, "value": "T1"}, ...], "otherwise": "T4"}`; bounds must be
/// strictly increasing, so no step is unreachable and the reading is unambiguous.
struct ThresholdScale<Value: Sendable>: Sendable {
    struct Step: Sendable {
        var bound: Double
        var inclusive: Bool
        var value: Value
    }

    var steps: [Step]
    var otherwise: Value

    func value(for measurement: Double) -> Value {
        for step in steps where step.inclusive ? measurement <= step.bound : measurement < step.bound {
            return step.value
        }
        return otherwise
    }

    /// The step that decided, in words for a trace: "<= 5", "> 15".
    func boundText(for measurement: Double) -> String {
        var previous: Step?
        for step in steps {
            if step.inclusive ? measurement <= step.bound : measurement < step.bound {
                let upper = String(sentence: [step.inclusive ? "<= " : "< ", Self.format(step.bound)])
                guard let previous else { return upper }
                return String(sentence: [
                    previous.inclusive ? "> " : ">= ", Self.format(previous.bound), " and ", upper,
                ])
            }
            previous = step
        }
        guard let last = steps.last else { return "any" }
        return String(sentence: [last.inclusive ? "> " : ">= ", Self.format(last.bound)])
    }

    static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
}

extension ThresholdScale {
    /// Reads and checks a scale; `parseValue` reads one step's value.
    static func load(
        _ node: PackNode, value parseValue: (PackNode) throws(GuidelinePackError) -> Value
    ) throws(GuidelinePackError) -> ThresholdScale {
        var reader = try node.object()
        var steps: [Step] = []
        for stepNode in try reader.required("steps").nonEmptyArray() {
            var stepReader = try stepNode.object()
            let max = stepReader.optional("max")
            let below = stepReader.optional("below")
            let value = try parseValue(try stepReader.required("value"))
            try stepReader.finish()
            guard (max == nil) != (below == nil), let boundNode = max ?? below else {
                throw stepNode.failure("needs exactly one of \"max\" (inclusive) or \"below\" (exclusive)")
            }
            let bound = try boundNode.number()
            if let last = steps.last, bound <= last.bound {
                throw stepNode.failure(
                    "bound \(format(bound)) is not above the previous step's \(format(last.bound)): thresholds must be strictly increasing"
                )
            }
            steps.append(Step(bound: bound, inclusive: max != nil, value: value))
        }
        let otherwise = try parseValue(try reader.required("otherwise"))
        try reader.finish()
        return ThresholdScale(steps: steps, otherwise: otherwise)
    }
}
