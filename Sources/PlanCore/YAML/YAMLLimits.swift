/// The limits under which plan and config files are read. A plan needs a handful of nesting
/// levels and a few thousand values (the 1,005-line reference plan has about 1,000); the
/// limits are far above that and far below what could make reading a file of a megabyte slow
/// or large. Anchors and aliases are refused outright (`EventComposer`).
public enum YAMLLimits {
    /// Lists and sections inside one another, the whole document being the first.
    public static let depth = 64
    /// Scalars, lists and sections in one file, keys included.
    public static let values = 100_000
}
