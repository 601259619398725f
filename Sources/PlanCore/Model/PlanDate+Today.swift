/// Today's date on the local clock, read with the C library so that asking the date does not
/// load ICU's time-zone data (about 6 MB of resident memory in the editor).

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension PlanDate {
    /// The local calendar date now (honours `TZ`, like `date`).
    public static func today() -> PlanDate {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return PlanDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!
    }
}
