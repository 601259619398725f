/// Whole-word, case-insensitive search (`rent` matches "Rent arrears" but not "current"), over
/// UTF-8 bytes with the phrase prepared once, giving exactly the answers of the search over
/// `Character`s it replaced (`containsWholeWordsByCharacter`, kept as the reference).
///
/// A word character is a letter or a number (`Character.isLetter || isNumber`). The byte search
/// decides alone when the text is ASCII and the phrase is ASCII without `\r`, `\n`, `;` or `` ` ``
/// (the characters a non-ASCII character can be canonically equal to, or that join into one
/// `Character` as CR LF). For other text it is a filter: no case-insensitive occurrence of the
/// phrase's bytes means no match; otherwise the `Character` search decides. A text holding the
/// Kelvin sign (U+212A, whose lower case is `k`) or `İ` (U+0130) always takes the `Character`
/// search.

/// Whole-word, case-insensitive search: `rent` matches "Rent arrears" but not "current".
func containsWholeWords(_ text: String, _ phrase: String) -> Bool {
    WholeWordPattern(phrase).occurs(in: text)
}

/// A phrase prepared for whole-word search in many texts.
struct WholeWordPattern: Sendable {
    let phrase: String
    /// The phrase in ASCII lower case, or nil when only the `Character` search can decide.
    let bytes: [UInt8]?

    init(_ phrase: String) {
        self.phrase = phrase
        let utf8 = Array(phrase.utf8)
        let safe = !utf8.isEmpty && utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D && $0 != 0x0A && $0 != 0x3B && $0 != 0x60 }
        bytes = safe ? utf8.map(asciiLower) : nil
    }

    func occurs(in text: String) -> Bool {
        var bytes = text, characters: [Character]? = nil
        return bytes.withUTF8 { occurs(in: SearchText($0), text, characters: &characters) }
    }

    /// The answer for a text already looked at (`SearchText`); `text` is the same text and
    /// `characters` its lower case as `Character`s, made the first time they are needed.
    func occurs(in hay: SearchText, _ text: String, characters: inout [Character]?) -> Bool {
        guard let needle = bytes else { return byCharacter(text, &characters) }
        switch hay.find(needle) {
        case .yes: return true
        case .no: return false
        case .undecided: return byCharacter(text, &characters)
        }
    }

    private func byCharacter(_ text: String, _ characters: inout [Character]?) -> Bool {
        if characters == nil { characters = Array(text.lowercased()) }
        return containsWholeWordsByCharacter(in: characters!, phrase)
    }
}

/// A text's UTF-8 bytes, with what the byte search needs to know about them.
struct SearchText {
    let bytes: UnsafeBufferPointer<UInt8>
    let isASCII: Bool
    /// Holds U+212A or U+0130: only the `Character` search can decide.
    let needsCharacters: Bool

    enum Answer { case yes, no, undecided }

    /// The bytes (in ASCII lower case) a match can start with: in ASCII text those after a
    /// non-word byte or at the start, in other text any byte.
    private var starts: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        var ascii = true, special = false
        var i = 0
        let count = bytes.count
        var all: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var afterNonWord: (UInt64, UInt64) = (0, 0)
        var previousIsWord = false
        while i < count {
            let b = bytes[i]
            let lower = asciiLower(b)
            Self.insert(lower, into: &all)
            if b < 0x80 {
                if !previousIsWord {
                    if lower < 64 { afterNonWord.0 |= 1 << UInt64(lower) } else { afterNonWord.1 |= 1 << UInt64(lower - 64) }
                }
                previousIsWord = isWordByte(b)
            } else {
                previousIsWord = false
                ascii = false
                if b == 0xC4, i + 1 < count, bytes[i + 1] == 0xB0 { special = true }
                if b == 0xE2, i + 2 < count, bytes[i + 1] == 0x84, bytes[i + 2] == 0xAA { special = true }
            }
            i += 1
        }
        isASCII = ascii
        needsCharacters = special
        starts = ascii ? (afterNonWord.0, afterNonWord.1, 0, 0) : all
    }

    private static func insert(_ b: UInt8, into set: inout (UInt64, UInt64, UInt64, UInt64)) {
        let bit = UInt64(1) << UInt64(b & 63)
        switch b >> 6 {
        case 0: set.0 |= bit
        case 1: set.1 |= bit
        case 2: set.2 |= bit
        default: set.3 |= bit
        }
    }

    private func mayStart(with b: UInt8) -> Bool {
        let bit = UInt64(1) << UInt64(b & 63)
        switch b >> 6 {
        case 0: return starts.0 & bit != 0
        case 1: return starts.1 & bit != 0
        case 2: return starts.2 & bit != 0
        default: return starts.3 & bit != 0
        }
    }

    func find(_ needle: [UInt8]) -> Answer {
        if needsCharacters { return .undecided }
        let n = needle.count, count = bytes.count
        let first = needle[0]
        guard count >= n, mayStart(with: first) else { return .no }
        var i = 0
        while i + n <= count {
            if asciiLower(bytes[i]) == first {
                var k = 1
                while k < n && asciiLower(bytes[i + k]) == needle[k] { k += 1 }
                if k == n {
                    guard isASCII else { return .undecided }
                    let beforeOK = i == 0 || !isWordByte(bytes[i - 1])
                    let afterOK = i + n == count || !isWordByte(bytes[i + n])
                    if beforeOK && afterOK { return .yes }
                }
            }
            i += 1
        }
        return .no
    }
}

@inline(__always) private func asciiLower(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }

@inline(__always) private func isWordByte(_ b: UInt8) -> Bool {
    b &- 0x30 < 10 || (b | 0x20) &- 0x61 < 26
}

/// The reference search over `Character`s: the answers `containsWholeWords` must give.
func containsWholeWordsByCharacter(_ text: String, _ phrase: String) -> Bool {
    containsWholeWordsByCharacter(in: Array(text.lowercased()), phrase)
}

/// The same, over a text already lowered and split into `Character`s.
func containsWholeWordsByCharacter(in hay: [Character], _ phrase: String) -> Bool {
    let needle = Array(phrase.lowercased())
    guard !needle.isEmpty, hay.count >= needle.count else { return false }
    func isWordChar(_ c: Character) -> Bool { c.isLetter || c.isNumber }
    var i = 0
    while i + needle.count <= hay.count {
        if hay[i] == needle[0] && Array(hay[i..<(i + needle.count)]) == needle {
            let beforeOK = i == 0 || !isWordChar(hay[i - 1])
            let afterOK = i + needle.count == hay.count || !isWordChar(hay[i + needle.count])
            if beforeOK && afterOK { return true }
        }
        i += 1
    }
    return false
}
