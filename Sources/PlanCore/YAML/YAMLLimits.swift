/// The limits under which plan and config files are read. A plan needs a handful of nesting
/// levels and a few thousand values (the 1,005-line reference plan has about 2,000 values and
/// 110 lists and sections); the limits are ten times that and more, and low enough that no
/// file of a megabyte makes `check` take more than a second or 64 MB (`scripts/yaml-limits`).
/// Anchors and aliases are refused outright (`EventComposer`).
public enum YAMLLimits {
    /// Lists and sections inside one another, the whole document being the first.
    public static let depth = 64
    /// Scalars, lists and sections in one file, keys included.
    public static let values = 20_000
    /// Lists and sections in one file (each one read becomes an entry with its own findings).
    public static let collections = 5_000
}
