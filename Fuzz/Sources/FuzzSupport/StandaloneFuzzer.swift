#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A small property-based stand-in for libFuzzer, for toolchains where `-sanitize=fuzzer`
/// does not link: the seed corpus first, then random mutations of it (bit flips, byte
/// changes, inserts, deletions, repeats, dictionary tokens, splices) from a fixed seed, so
/// a run is reproducible. Understands a subset of libFuzzer's flags: `-max_total_time=`,
/// `-runs=`, `-seed=`, `-max_len=`, `-dict=`, `-artifact_prefix=`, `-timeout=`; folders are
/// corpora, files are inputs to replay. No coverage feedback: it finds less than libFuzzer.
/// A failing input is written to `<artifact_prefix>crash-standalone` (or `timeout-standalone`).
public struct StandaloneFuzzer {
    let name: String
    var corpusPaths: [String] = []
    var filePaths: [String] = []
    var maxTotalTime = 0
    var runs = -1
    var seed: UInt64 = 1
    var maxLen = 4_096
    var dictPath: String?
    var artifactPrefix = "./"
    var timeout: UInt32 = 0

    public init(name: String, arguments: [String]) {
        self.name = name
        for argument in arguments {
            func value(_ flag: String) -> String? {
                argument.hasPrefix("-\(flag)=") ? String(argument.dropFirst(flag.count + 2)) : nil
            }
            if let text = value("max_total_time"), let number = Int(text) {
                maxTotalTime = number
            } else if let text = value("runs"), let number = Int(text) {
                runs = number
            } else if let text = value("seed"), let number = UInt64(text) {
                seed = number
            } else if let text = value("max_len"), let number = Int(text) {
                maxLen = number
            } else if let text = value("dict") {
                dictPath = text
            } else if let text = value("artifact_prefix") {
                artifactPrefix = text
            } else if let text = value("timeout"), let number = UInt32(text) {
                timeout = number
            } else if argument.hasPrefix("-") {
                continue
            } else if Self.isDirectory(argument) {
                corpusPaths.append(argument)
            } else {
                filePaths.append(argument)
            }
        }
    }

    public func run(_ test: FuzzTestOneInput) -> CInt {
        installHandlers()
        let start = Self.now()
        var executions = 0
        func execute(_ input: [UInt8]) {
            StandaloneState.current = input
            if timeout > 0 { alarm(timeout) }
            input.withUnsafeBufferPointer { _ = test($0.baseAddress, $0.count) }
            if timeout > 0 { alarm(0) }
            executions += 1
        }
        if corpusPaths.isEmpty && !filePaths.isEmpty {
            for path in filePaths {
                execute(Self.read(path) ?? [])
                print("standalone \(name): ran \(path)")
            }
            return 0
        }
        var corpus = corpusPaths.flatMap { folder in Self.files(in: folder).compactMap(Self.read) }
        corpus = corpus.map { Array($0.prefix(maxLen)) }
        if corpus.isEmpty { corpus = [[]] }
        let dictionary = dictPath.map(Self.dictionary) ?? []
        print(
            "standalone \(name): property-based run (no libFuzzer), seed \(seed), \(corpus.count) seed inputs, "
                + "\(dictionary.count) dictionary tokens, max_len \(maxLen)")
        for input in corpus { execute(input) }
        var random = SplitMix64(seed: seed)
        var lastReport = start
        while true {
            if runs >= 0 && executions >= runs { break }
            let elapsed = Self.now() - start
            if maxTotalTime > 0 && elapsed >= Double(maxTotalTime) { break }
            if maxTotalTime <= 0 && runs < 0 && executions >= 100_000 { break }
            var input = corpus[random.below(corpus.count)]
            for _ in 0...random.below(5) {
                mutate(&input, &random, corpus: corpus, dictionary: dictionary)
            }
            if input.count > maxLen { input.removeLast(input.count - maxLen) }
            execute(input)
            // Keep some mutants as new starting points (no coverage: a fixed share, bounded).
            if random.below(64) == 0 {
                if corpus.count < 4_096 { corpus.append(input) } else { corpus[random.below(corpus.count)] = input }
            }
            if Self.now() - lastReport >= 10 {
                lastReport = Self.now()
                print("standalone \(name): #\(executions) pool: \(corpus.count) elapsed: \(Int(lastReport - start))s")
            }
        }
        let seconds = Self.now() - start
        print("standalone \(name): Done \(executions) runs in \(Int(seconds)) second(s); no failure")
        return 0
    }

    private func mutate(_ input: inout [UInt8], _ random: inout SplitMix64, corpus: [[UInt8]], dictionary: [[UInt8]]) {
        let position = input.isEmpty ? 0 : random.below(input.count + 1)
        switch random.below(9) {
        case 0 where !input.isEmpty:
            let index = random.below(input.count)
            input[index] ^= UInt8(1) << UInt8(random.below(8))
        case 1 where !input.isEmpty:
            input[random.below(input.count)] = UInt8(truncatingIfNeeded: random.next())
        case 2:
            input.insert(UInt8(truncatingIfNeeded: random.next()), at: position)
        case 3 where !input.isEmpty:
            let lower = random.below(input.count)
            let upper = min(input.count, lower + 1 + random.below(16))
            input.removeSubrange(lower..<upper)
        case 4 where !input.isEmpty:
            let lower = random.below(input.count)
            let upper = min(input.count, lower + 1 + random.below(32))
            let piece = Array(input[lower..<upper])
            for _ in 0..<(1 + random.below(8)) { input.insert(contentsOf: piece, at: min(position, input.count)) }
        case 5 where !dictionary.isEmpty, 6 where !dictionary.isEmpty:
            input.insert(contentsOf: dictionary[random.below(dictionary.count)], at: position)
        case 7:
            let other = corpus[random.below(corpus.count)]
            if !other.isEmpty {
                let lower = random.below(other.count)
                input.insert(contentsOf: other[lower..<min(other.count, lower + 1 + random.below(64))], at: position)
            }
        case 8 where !input.isEmpty:
            // Interesting characters for these parsers.
            let specials: [UInt8] = [
                0x0D, 0x0A, 0x00, 0x20, 0x09, 0x22, 0x5C, 0x2C, 0x3A, 0x7B, 0x7D, 0x5B, 0x5D, 0x2D, 0x30, 0x39, 0xFF,
                0xC3,
            ]
            input[random.below(input.count)] = specials[random.below(specials.count)]
        default:
            input.insert(UInt8(ascii: "0") + UInt8(random.below(10)), at: position)
        }
    }

    private func installHandlers() {
        StandaloneState.crashPath = strdup(artifactPrefix + "crash-standalone")
        StandaloneState.timeoutPath = strdup(artifactPrefix + "timeout-standalone")
        for signalNumber in [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE] {
            signal(signalNumber) { number in StandaloneState.dump(StandaloneState.crashPath, signal: number) }
        }
        signal(SIGALRM) { number in StandaloneState.dump(StandaloneState.timeoutPath, signal: number) }
    }

    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    static func isDirectory(_ path: String) -> Bool {
        guard let directory = opendir(path) else { return false }
        closedir(directory)
        return true
    }

    static func files(in folder: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if !name.hasPrefix(".") { names.append(folder + "/" + name) }
        }
        return names.sorted().filter { !isDirectory($0) }
    }

    static func read(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = fread(&chunk, 1, chunk.count, file)
            if count <= 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }

    /// libFuzzer dictionary lines: `name="value"` or `"value"`, with `\\`, `\"` and `\xNN`.
    static func dictionary(_ path: String) -> [[UInt8]] {
        guard let bytes = read(path) else { return [] }
        var tokens: [[UInt8]] = []
        for line in bytes.split(separator: UInt8(ascii: "\n")) {
            guard line.first != UInt8(ascii: "#"), let open = line.firstIndex(of: UInt8(ascii: "\"")),
                let close = line.lastIndex(of: UInt8(ascii: "\"")), close > open
            else { continue }
            var token: [UInt8] = []
            var index = open + 1
            while index < close {
                if line[index] == UInt8(ascii: "\\"), index + 1 < close {
                    if line[index + 1] == UInt8(ascii: "x"), index + 3 < close,
                        let value = UInt8(String(decoding: line[(index + 2)...(index + 3)], as: UTF8.self), radix: 16)
                    {
                        token.append(value)
                        index += 4
                        continue
                    }
                    token.append(line[index + 1])
                    index += 2
                    continue
                }
                token.append(line[index])
                index += 1
            }
            if !token.isEmpty { tokens.append(token) }
        }
        return tokens
    }
}

/// What the signal handlers need; set before each input (single-threaded driver).
enum StandaloneState {
    nonisolated(unsafe) static var current: [UInt8] = []
    nonisolated(unsafe) static var crashPath: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) static var timeoutPath: UnsafeMutablePointer<CChar>?

    static func dump(_ path: UnsafeMutablePointer<CChar>?, signal number: CInt) {
        guard let path else { _exit(1) }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if descriptor >= 0 {
            current.withUnsafeBytes { raw in _ = write(descriptor, raw.baseAddress, raw.count) }
            close(descriptor)
        }
        let message = "==standalone== deadly signal; Test unit written to "
        _ = message.withCString { write(2, $0, strlen($0)) }
        _ = write(2, path, strlen(path))
        _ = "\n".withCString { write(2, $0, 1) }
        _exit(number == SIGALRM ? 70 : 77)
    }
}

/// SplitMix64: a tiny deterministic generator, so a standalone run is reproducible.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { bound <= 1 ? 0 : Int(next() % UInt64(bound)) }
}
