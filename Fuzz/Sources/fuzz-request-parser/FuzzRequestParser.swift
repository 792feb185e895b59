import FuzzSupport
import HTTPServer

/// libFuzzer calls this once per input; `RequestParserFuzzEntry` traps on a broken invariant.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRequestParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    RequestParserFuzzEntry.run(bytes)
    return 0
}

/// `main` (SwiftPM aliases it to `<module>_main` on Linux).
@_cdecl("fuzz_request_parser_main")
public func fuzzRequestParserMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    fuzzMain(name: "fuzz-request-parser", argc: argc, argv: argv, fuzzRequestParser)
}
