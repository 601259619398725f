/// libFuzzer entry point for the config reader: arbitrary bytes, decoded as UTF-8 like the
/// program does, through `PolicyReader.read`. A crash, a hang (`-timeout`) or memory over
/// `-rss_limit_mb` is a finding.
import FuzzDriver
import PlanCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPolicy(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    guard case .success(let text) = decodeUTF8(bytes) else { return 0 }
    _ = PolicyReader.read(text)
    return 0
}

/// The executable's entry point (SwiftPM links `main` to `PolicyFuzz_main`): hands over to libFuzzer.
@_cdecl("PolicyFuzz_main")
public func policyFuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    fuzz_driver_run(argc, argv, { data, size in fuzzPolicy(data, size) })
}
