/// Every rule's stable id (`shared/spec/rules.md`): a contract, never renamed.
/// The severity and the one-line summary here are what `docs/rules.md` lists; a test keeps
/// the two in step.

public enum RuleStage: String, Sendable {
    /// Reading the file.
    case reading
    /// `check` and the editor.
    case check
    /// `submit` and `sign` only.
    case signOff = "sign-off"
    /// `spend`: the plan set against its bank statement.
    case spend
}

public enum RuleID: String, Sendable, CaseIterable, Hashable {
    // Reading the file
    case syntax
    case formatUnsupported = "format-unsupported"
    case fieldInvalid = "field-invalid"
    case moneyInvalid = "money-invalid"
    case dateInvalid = "date-invalid"
    case unknownField = "unknown-field"
    case duplicateID = "duplicate-id"
    case referenceUnknown = "reference-unknown"
    // Needs and outcomes
    case needsMissing = "needs-missing"
    case needEligibilityMissing = "need-eligibility-missing"
    case eligibleNeedUnmet = "eligible-need-unmet"
    case outcomeMissing = "outcome-missing"
    case outcomeWellbeingMissing = "outcome-wellbeing-missing"
    case outcomeUnsupported = "outcome-unsupported"
    case supportUnlinked = "support-unlinked"
    case unableReasonMissing = "unable-reason-missing"
    // Budget and costs
    case budgetMissing = "budget-missing"
    case budgetPartsMismatch = "budget-parts-mismatch"
    case overBudget = "over-budget"
    case underspend
    case aboveIndicativeUnjustified = "above-indicative-unjustified"
    case authorisationLevel = "authorisation-level"
    case budgetCutUnexplained = "budget-cut-unexplained"
    case reserveOverLimit = "reserve-over-limit"
    case oneOffRecurringPeriod = "one-off-recurring-period"
    case oneOffAuthorisation = "one-off-authorisation"
    case personFundingExceedsContribution = "person-funding-exceeds-contribution"
    // Direct payments and personal assistants
    case dpPaymentMissing = "dp-payment-missing"
    case dpAuthorisedPersonMissing = "dp-authorised-person-missing"
    case dpRelativeInHousehold = "dp-relative-in-household"
    case dpResidentialCare = "dp-residential-care"
    case notAllowedItem = "not-allowed-item"
    case paBelowMinimumWage = "pa-below-minimum-wage"
    case paELInsuranceMissing = "pa-el-insurance-missing"
    case paOncostsMissing = "pa-oncosts-missing"
    case paPensionMissing = "pa-pension-missing"
    case paDateOfBirthMissing = "pa-date-of-birth-missing"
    case paNIUnderstated = "pa-ni-understated"
    case paPensionUnderstated = "pa-pension-understated"
    case paHolidayCoverUnderstated = "pa-holiday-cover-understated"
    case wageTableEnds = "wage-table-ends"
    case authorisedPersonBasis = "authorised-person-basis"
    // Safety, rights and process
    case adviceMissing = "advice-missing"
    case involvementMissing = "involvement-missing"
    case agreementMissing = "agreement-missing"
    case disagreementWordsMissing = "disagreement-words-missing"
    case contingencyMissing = "contingency-missing"
    case riskUnmanaged = "risk-unmanaged"
    case reviewMissing = "review-missing"
    case reviewOver12Months = "review-over-12-months"
    case firstReviewLate = "first-review-late"
    case bestInterestsMissing = "best-interests-missing"
    case advocateMissing = "advocate-missing"
    case topUpNotAccommodation = "top-up-not-accommodation"
    case topUpMeetsEligibleNeed = "top-up-meets-eligible-need"
    case jargon
    // Money in use (`spend`)
    case spendUnplanned = "spend-unplanned"
    case spendLineOver = "spend-line-over"
    case spendSurplus = "spend-surplus"
    case spendRunsOut = "spend-runs-out"
    case spendLineUnpaid = "spend-line-unpaid"
    case spendStatementGap = "spend-statement-gap"
    case spendForecastUnknown = "spend-forecast-unknown"
    // At sign-off
    case warningsUnacknowledged = "warnings-unacknowledged"
    case approverIsAuthor = "approver-is-author"
    case signerLevelTooLow = "signer-level-too-low"
    case signedPlanChanged = "signed-plan-changed"
    case signatureClaimMismatch = "signature-claim-mismatch"

    public var severity: Severity {
        switch self {
        case .unknownField, .outcomeWellbeingMissing, .outcomeUnsupported, .unableReasonMissing,
             .underspend, .aboveIndicativeUnjustified, .reserveOverLimit, .notAllowedItem,
             .paOncostsMissing, .paPensionMissing, .disagreementWordsMissing, .riskUnmanaged,
             .firstReviewLate, .approverIsAuthor, .oneOffAuthorisation, .personFundingExceedsContribution,
             .paDateOfBirthMissing, .paHolidayCoverUnderstated, .wageTableEnds, .authorisedPersonBasis,
             .spendUnplanned, .spendLineOver, .spendSurplus, .spendLineUnpaid:
            return .warning
        case .authorisationLevel, .jargon:
            return .info
        default:
            return .error
        }
    }

    public var stage: RuleStage {
        switch self {
        case .syntax, .formatUnsupported, .fieldInvalid, .moneyInvalid, .dateInvalid, .unknownField,
             .duplicateID, .referenceUnknown:
            return .reading
        case .warningsUnacknowledged, .approverIsAuthor, .signerLevelTooLow, .signedPlanChanged, .signatureClaimMismatch:
            return .signOff
        case .spendUnplanned, .spendLineOver, .spendSurplus, .spendRunsOut, .spendLineUnpaid, .spendStatementGap, .spendForecastUnknown:
            return .spend
        default:
            return .check
        }
    }

    /// Errors cannot be acknowledged; warnings and info can.
    public var canBeAcknowledged: Bool { severity != .error }
}

/// The groups of `shared/spec/rules.md`, for the approver's readiness checklist.
public enum RuleGroup: String, CaseIterable, Sendable {
    case reading = "The file reads cleanly"
    case needsOutcomes = "Needs and outcomes"
    case budget = "Budget and costs"
    case directPayments = "Direct payments and personal assistants"
    case safety = "Safety, rights and process"
    case signOff = "Sign-off"
    case moneyInUse = "Money in use"
}

extension RuleID {
    public var group: RuleGroup {
        switch self {
        case .syntax, .formatUnsupported, .fieldInvalid, .moneyInvalid, .dateInvalid, .unknownField, .duplicateID,
             .referenceUnknown:
            return .reading
        case .needsMissing, .needEligibilityMissing, .eligibleNeedUnmet, .outcomeMissing, .outcomeWellbeingMissing,
             .outcomeUnsupported, .supportUnlinked, .unableReasonMissing:
            return .needsOutcomes
        case .budgetMissing, .budgetPartsMismatch, .overBudget, .underspend, .aboveIndicativeUnjustified, .authorisationLevel,
             .budgetCutUnexplained, .reserveOverLimit, .oneOffRecurringPeriod, .oneOffAuthorisation,
             .personFundingExceedsContribution:
            return .budget
        case .dpPaymentMissing, .dpAuthorisedPersonMissing, .dpRelativeInHousehold, .dpResidentialCare, .notAllowedItem,
             .paBelowMinimumWage, .paELInsuranceMissing, .paOncostsMissing, .paPensionMissing, .paDateOfBirthMissing,
             .paNIUnderstated, .paPensionUnderstated, .paHolidayCoverUnderstated, .wageTableEnds, .authorisedPersonBasis:
            return .directPayments
        case .warningsUnacknowledged, .approverIsAuthor, .signerLevelTooLow, .signedPlanChanged, .signatureClaimMismatch:
            return .signOff
        case .spendUnplanned, .spendLineOver, .spendSurplus, .spendRunsOut, .spendLineUnpaid, .spendStatementGap, .spendForecastUnknown:
            return .moneyInUse
        default:
            return .safety
        }
    }
}
