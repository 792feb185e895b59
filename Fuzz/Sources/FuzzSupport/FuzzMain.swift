#if !FUZZ_STANDALONE
    import CFuzzerDriver
#endif

/// The signature of `LLVMFuzzerTestOneInput`.
public typealias FuzzTestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

/// The process entry point of a fuzz executable.
///
/// SwiftPM links Linux executables with `main` aliased to `<module>_main`, so each fuzz
/// target defines that symbol (`@_cdecl`) and calls this. With libFuzzer
/// (`-sanitize=fuzzer`) it hands over to `LLVMFuzzerRunDriver`, which takes libFuzzer's
/// usual flags. Built with `-D FUZZ_STANDALONE` (a toolchain without libFuzzer) it runs
/// `StandaloneFuzzer`, a seeded random mutation loop over the same corpus.
public func fuzzMain(
    name: String, argc: CInt, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
    _ test: FuzzTestOneInput
) -> CInt {
    #if FUZZ_STANDALONE
        let arguments = (1..<Int(argc)).compactMap { argv[$0].map { String(cString: $0) } }
        return StandaloneFuzzer(name: name, arguments: arguments).run(test)
    #else
        var count = argc
        var vector: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
        return LLVMFuzzerRunDriver(&count, &vector, test)
    #endif
}
