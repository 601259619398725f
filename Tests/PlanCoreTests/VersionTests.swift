import Testing
@testable import PlanCore
@Test func versionIsSet() { #expect(!PlanCoreVersion.string.isEmpty) }
