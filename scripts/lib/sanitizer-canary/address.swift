// Canary for scripts/sanitizers.sh: a deliberate heap buffer overflow (one byte past an
// 8-byte allocation, at an index the compiler cannot see). AddressSanitizer must report it
// into the log files the script reads; if it does not, "no report" would prove nothing.
let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 8)
buffer.initialize(repeating: 0, count: 8)
let index = CommandLine.arguments.count + 7
buffer[index] = 1
print("byte \(buffer[0])")
buffer.deallocate()
