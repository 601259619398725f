/// The modes of the files and folders the program creates. Private by default: files 0600,
/// signed records 0400, folders 0700. A store whose config says `shared: group` is a team
/// folder colleagues in the folder's group must read and write: files 0660, signed records
/// 0440, folders 2770 (the group kept by new files). Secret keys are always 0600.
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

public enum FileModes {
    private static let group = Atomic<Bool>(false)

    /// Set once a store's config is read; applies to every file this process creates after.
    public static func shareWithGroup(_ on: Bool) { group.store(on, ordering: .relaxed) }

    public static var isGroupShared: Bool { group.load(ordering: .relaxed) }
    public static var file: mode_t { isGroupShared ? 0o660 : 0o600 }
    public static var signed: mode_t { isGroupShared ? 0o440 : 0o400 }
    public static var folder: mode_t { isGroupShared ? 0o2770 : 0o700 }
}
