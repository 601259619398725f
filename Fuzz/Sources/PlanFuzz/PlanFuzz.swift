/// libFuzzer entry point for the plan reader: arbitrary bytes through `Checker.check` (UTF-8
/// decoding, YAML, the plan reader, every rule, the costing), then, when a plan was read,
/// written back with `PlanWriter`. A crash, a hang (`-timeout`) or memory over `-rss_limit_mb`
/// is a finding.
import FuzzDriver
import PlanCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlan(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let result = Checker.check(bytes: bytes, file: "fuzz.yaml")
    if let plan = result.plan, !result.unreadable {
        _ = PlanWriter.write(plan)
    }
    return 0
}

/// The executable's entry point (SwiftPM links `main` to `PlanFuzz_main`): hands over to libFuzzer.
@_cdecl("PlanFuzz_main")
public func planFuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    fuzz_driver_run(argc, argv, { data, size in fuzzPlan(data, size) })
}
