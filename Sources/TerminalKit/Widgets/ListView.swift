/// A scrolling list: a selection, a viewport that keeps it in sight, and "↑ N more" /
/// "↓ N more" markers when items are clipped. The selected row is where the cursor goes.

public struct ListView: Sendable, Equatable {
    public var items: [String]
    public private(set) var selected: Int
    public private(set) var top = 0

    public init(_ items: [String], selected: Int = 0) {
        self.items = items
        self.selected = items.isEmpty ? 0 : min(max(0, selected), items.count - 1)
    }

    @discardableResult
    public mutating func handle(_ event: InputEvent, pageHeight: Int = 10) -> EditResult {
        guard case .key(let k) = event, !items.isEmpty else { return .ignored }
        switch k {
        case .up, .ctrl("p"): selected = max(0, selected - 1)
        case .down, .ctrl("n"): selected = min(items.count - 1, selected + 1)
        case .home: selected = 0
        case .end: selected = items.count - 1
        case .pageUp: selected = max(0, selected - max(1, pageHeight - 1))
        case .pageDown: selected = min(items.count - 1, selected + max(1, pageHeight - 1))
        default: return .ignored
        }
        return .moved
    }

    public mutating func select(_ i: Int) {
        guard !items.isEmpty else { return }
        selected = min(max(0, i), items.count - 1)
    }

    /// The first visible item for a viewport of `height` rows (markers take a row each).
    public mutating func scroll(height: Int) {
        let h = max(1, height)
        if selected < top { top = selected }
        if selected >= top + h { top = selected - h + 1 }
        top = max(0, min(top, max(0, items.count - h)))
    }

    /// Draws the list; returns where the cursor goes (the selected row, column 0).
    @discardableResult
    public mutating func render(into canvas: inout Canvas, row: Int, column: Int, width: Int, height: Int) -> Point {
        guard height > 0 else { return Point(row: row, column: column) }
        let needsMarkers = items.count > height
        let body = needsMarkers ? max(1, height - 2) : height
        scroll(height: body)
        let first = needsMarkers ? row + 1 : row
        canvas.fill(row: row, column: column, width: width, height: height)
        if needsMarkers {
            canvas.put(top > 0 ? "↑ \(top) more" : "", row: row, column: column + 2, style: .dim, limit: width - 2)
            let below = items.count - (top + body)
            canvas.put(below > 0 ? "↓ \(below) more" : "", row: row + height - 1, column: column + 2, style: .dim,
                       limit: width - 2)
        }
        for i in 0..<body where top + i < items.count {
            let isSelected = top + i == selected
            let marker = isSelected ? "> " : "  "
            canvas.put(marker + items[top + i], row: first + i, column: column, style: isSelected ? .focus : .plain,
                       limit: width)
        }
        return Point(row: first + (selected - top), column: column)
    }
}
