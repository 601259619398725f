/// The store side of money in use, for the commands and the "Money so far" screen: one call
/// for the whole report of a plan as of a date, and one to record what an unmatched
/// transaction was for (`spend/ID/assigned.yaml`, under the ledger's lock).

extension SpendLedger {
    /// `spend/ID/assigned.yaml`'s choices; none before the first.
    public func assignments() throws(StoreError) -> [String: Assignment] {
        do { return try SpendAssignments.load(folder: folder) } catch let e as FileError {
            throw .file(e)
        } catch {
            throw .unreadable("\(error)")
        }
    }

    /// The position, forecast, findings and unmatched transactions of `plan` (this ledger's
    /// plan) as of `asOf` (default: the newest transaction's date). Findings have no file
    /// positions; place them with `PlanReader.read(text).position(for: finding.path)`.
    public func report(plan: Plan, costing: Costing? = nil, asOf: PlanDate? = nil,
                       policy: Policy = .standard) throws(StoreError) -> SpendReport {
        let rows = try transactions()
        let assigned = try assignments()
        do {
            return try SpendPosition.compute(plan: plan, costing: costing, transactions: rows, assigned: assigned,
                                             asOf: asOf, policy: policy)
        } catch {
            throw .refused(error.message)
        }
    }

    /// Records what transaction `id` was for (nil takes the choice back). Refused when the
    /// ledger has no such transaction, or the line is not a paid line of `plan`.
    @discardableResult
    public func assign(_ id: String, _ choice: Assignment?, plan: Plan) throws(StoreError) -> Transaction {
        guard let t = try transactions().first(where: { $0.id == id }) else {
            throw .refused("\(id): no such transaction in \(planID)'s ledger; `supportplan spend \(planID)` lists the unmatched ones with their ids")
        }
        if case .line(let line)? = choice {
            guard t.amountPence < 0 else {
                throw .refused("\(t.date) \(t.description) \(Money.pounds(t.amountPence)) is money in: only money out is assigned to a line."
                    + " A refund is taken off a line when its description holds the line's `payee` words; mark other money in"
                    + " as not for care, with what it was")
            }
            let paid = plan.supports.filter(\.isPaid).compactMap(\.id)
            guard paid.contains(line) else {
                throw .refused("\(line): not a paid line of \(planID) (its paid lines: \(paid.joined(separator: ", ")))")
            }
        }
        if case .notForCare(let reason)? = choice, !reason.hasWords {
            throw .refused("a transaction not for care needs the reason, in words")
        }
        try withLock { () throws(StoreError) in
            var entries = try assignments()
            entries[t.id] = choice
            do { try SpendAssignments.save(entries, folder: folder) } catch let e as FileError {
                throw .file(e)
            } catch {
                throw .refused("\(error)")
            }
        }
        return t
    }
}
