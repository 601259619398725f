public enum PlanCoreVersion { public static let string = "0.1.0" }
