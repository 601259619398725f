/// The team's store through git, for real: a bare repository and two clones (a planner's and a
/// manager's, each with their own config folder and keys). The planner submits and syncs, the
/// manager syncs, signs and syncs, the planner syncs, and `verify` passes in both clones; two
/// people acting on different plans sync with no conflict and every chain intact; acting on the
/// same plan is reported by plan, with the store left as it was.
import Foundation
import Testing

@Suite(.serialized) struct GitSyncTests {
    struct Person {
        let clone: URL
        let env: [String: String]
    }

    func git(_ args: [String], in dir: URL) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git", "-c", "init.defaultBranch=main"] + args
        p.currentDirectoryURL = dir
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "git \(args)")
    }

    func sp(_ who: Person, _ args: [String]) throws -> RunResult { try Binary.run(args, in: who.clone, env: who.env) }

    /// The owner (also the planner) makes the store in their clone and pushes it; the manager
    /// clones it, makes a key, pins the owner's key; the owner adds her as a signer.
    func team() throws -> (planner: Person, manager: Person, top: URL) {
        let top = try Binary.tempDir()
        try git(["init", "-q", "--bare", "store.git"], in: top)
        func person(_ name: String) -> Person {
            Person(clone: top.appendingPathComponent(name),
                   env: ["XDG_CONFIG_HOME": top.appendingPathComponent("\(name)-cfg").path,
                         "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": "\(name)@example.org",
                         "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": "\(name)@example.org"])
        }
        let planner = person("planner"), manager = person("manager")
        try git(["clone", "-q", "store.git", "planner"], in: top)
        #expect(try sp(planner, ["init", planner.clone.path, "--owner", "Sam Senior"]).status == 0)
        for (id, example) in [("PW-2026-0117", "older-person-home-care"), ("CA-2026-0388", "young-adult-pa")] {
            try FileManager.default.copyItem(atPath: Binary.examples.appendingPathComponent("\(example).yaml").path,
                                             toPath: planner.clone.appendingPathComponent("plans/\(id).yaml").path)
        }
        let first = try sp(planner, ["sync"])
        #expect(first.status == 0, "\(first.err)")
        try git(["clone", "-q", "store.git", "manager"], in: top)
        #expect(try sp(manager, ["keygen", "Ana Lopez"]).status == 0)
        #expect(try sp(manager, ["trust", "owner.pub"]).status == 0)
        let pub = top.appendingPathComponent("manager-cfg/supportplan/keys/ana-lopez.pub").path
        #expect(try sp(planner, ["signer", "add", pub, "--name", "Ana Lopez", "--role", "service manager",
                                 "--level", "service-manager"]).status == 0)
        #expect(try sp(planner, ["sync"]).status == 0)
        #expect(try sp(manager, ["sync"]).status == 0)
        return (planner, manager, top)
    }

    @Test func plannerSubmitsManagerSignsBothVerify() throws {
        let (planner, manager, _) = try team()
        #expect(try sp(planner, ["submit", "plans/PW-2026-0117.yaml"]).status == 0)
        #expect(try sp(planner, ["sync"]).status == 0)
        #expect(try sp(manager, ["sync"]).status == 0)
        #expect(try sp(manager, ["list", "--status", "submitted"]).out.contains("PW-2026-0117"))
        let signed = try sp(manager, ["sign", "plans/PW-2026-0117.yaml", "--key", "ana-lopez"])
        #expect(signed.status == 0, "\(signed.err)")
        #expect(try sp(manager, ["sync"]).status == 0)
        #expect(try sp(planner, ["sync"]).status == 0)
        for who in [planner, manager] {
            let v = try sp(who, ["verify", "signed/PW-2026-0117-v1.yaml"])
            #expect(v.status == 0, "\(v.out)\(v.err)")
            let log = try sp(who, ["log"])
            #expect(log.status == 0 && log.out.contains("every chain intact and every sign-off anchored"), "\(log.out)")
        }
    }

    @Test func differentPlansNeverConflictSamePlanIsReportedByPlan() throws {
        let (planner, manager, _) = try team()
        // Two people, two plans, both offline: both sync, no conflict, every chain intact.
        #expect(try sp(planner, ["submit", "plans/PW-2026-0117.yaml"]).status == 0)
        #expect(try sp(manager, ["submit", "plans/CA-2026-0388.yaml", "--by", "Priya"]).status == 0)
        #expect(try sp(planner, ["sync"]).status == 0)
        let second = try sp(manager, ["sync"])
        #expect(second.status == 0, "\(second.err)")
        #expect(try sp(planner, ["sync"]).status == 0)
        for who in [planner, manager] {
            let log = try sp(who, ["log"])
            #expect(log.status == 0, "\(log.out)")
            #expect(log.out.contains("2 plan logs, 2 entries"), "\(log.out)")
        }
        // Both act on the same plan: reported by plan, nothing pulled, the store as it was.
        #expect(try sp(planner, ["return", "plans/PW-2026-0117.yaml", "--reason", "other", "--comment", "More detail"]).status == 0)
        #expect(try sp(manager, ["withdraw", "plans/PW-2026-0117.yaml"]).status == 0)
        #expect(try sp(planner, ["sync"]).status == 0)
        let clash = try sp(manager, ["sync"])
        #expect(clash.status == 2)
        #expect(clash.err.contains("plan PW-2026-0117"), "\(clash.err)")
        #expect(try sp(manager, ["log"]).status == 0, "the manager's store is as it was, chains intact")
        let plan = try String(contentsOf: manager.clone.appendingPathComponent("plans/PW-2026-0117.yaml"), encoding: .utf8)
        #expect(plan.contains("status: draft"))
    }

    @Test func syncIsRefusedWhileAPlanIsOpen() throws {
        let (planner, _, _) = try team()
        let lock = planner.clone.appendingPathComponent("plans/.PW-2026-0117.yaml.lock")
        try "user: helen\nhost: \(ProcessInfo.processInfo.hostName)\nsince: now\npid: \(getpid())\n"
            .write(to: lock, atomically: true, encoding: .utf8)
        let r = try sp(planner, ["sync"])
        #expect(r.status == 2)
        #expect(r.err.contains("PW-2026-0117.yaml is open (helen"), "\(r.err)")
    }
}
