/// `supportplan sync`: the team's store through git — commit what changed here, `git pull
/// --rebase`, `git push` — with messages in words. Refused while a plan is open in an editor on
/// this computer. A conflict is reported by plan, with what to do, and the store is left as it
/// was before the pull (the rebase is aborted). No network is needed to work; sync when there is one.
import ArgumentParser
import Foundation
import PlanCore

struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Share the store with the team through git: commit, pull --rebase, push.",
        discussion: """
            The store must be in a git repository with a remote (git clone, or git init and git remote add).
            """
    )

    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "The commit message for what changed here.") var message: String?

    func run() throws {
        let store = try StoreLocation.requireStore(global)
        let git = Git(folder: store.root)
        guard let top = try? git.out(["rev-parse", "--show-toplevel"]), !top.isEmpty else {
            throw CLIError("\(store.root) is not in a git repository: run `git init` there and `git remote add origin URL`, "
                           + "or clone the team's store with `git clone URL`")
        }
        let open = openPlans(store)
        guard open.isEmpty else {
            throw CLIError("not synced: \(open.joined(separator: "; ")). Close the editor first, then sync.")
        }
        // `git diff` of a plan reads as words.
        _ = try? git.out(["config", "diff.supportplan.textconv", "\(CommandLine.arguments[0]) render --as text"])
        try git.run(["add", "-A", "--", "."])
        let staged = (try? git.out(["diff", "--cached", "--name-only"])) ?? ""
        if !staged.isEmpty {
            let who = currentUser()
            let files = staged.split(separator: "\n").count
            try git.run(["-c", "user.name=\(git.identity("user.name") ?? who)", "-c", "user.email=\(git.identity("user.email") ?? "\(who)@localhost")",
                         "commit", "-q", "-m", message ?? "supportplan sync: \(files) file\(files == 1 ? "" : "s") by \(who)"])
            print("Committed \(files) changed file\(files == 1 ? "" : "s").")
        }
        let remotes = (try? git.out(["remote"])) ?? ""
        guard !remotes.isEmpty else {
            print("No remote to share with yet: add one with `git remote add origin URL`, then sync again.")
            return
        }
        let upstream = try? git.out(["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}"])
        if upstream != nil, !(upstream ?? "").isEmpty {
            let pull = git.attempt(["-c", "user.name=\(git.identity("user.name") ?? currentUser())",
                                    "-c", "user.email=\(git.identity("user.email") ?? "\(currentUser())@localhost")",
                                    "pull", "--rebase", "-q"])
            if pull.status != 0 {
                let conflicted = ((try? git.out(["diff", "--name-only", "--diff-filter=U"])) ?? "")
                    .split(separator: "\n").map(String.init)
                _ = git.attempt(["rebase", "--abort"])
                if conflicted.isEmpty {
                    throw CLIError("not synced: git could not fetch or rebase (\(pull.err.trimmingCharacters(in: .whitespacesAndNewlines))). "
                                   + "Your work is safe in this store; try again when the network is back.")
                }
                throw CLIError("not synced: someone else changed the same plan\(conflicted.count == 1 ? "" : "s") as you:\n"
                               + Self.describe(conflicted).joined(separator: "\n")
                               + "\nYour work is safe here (nothing was pulled). Agree with them who keeps which change, "
                               + "then either undo yours (`git reset --hard @{u}` loses your unsynced work) or resolve it in git "
                               + "(`git pull --rebase`, edit the files, `git rebase --continue`).")
            }
            print("Pulled the team's changes.")
        }
        let push = upstream == nil || (upstream ?? "").isEmpty
            ? git.attempt(["push", "-q", "-u", "origin", "HEAD"]) : git.attempt(["push", "-q"])
        guard push.status == 0 else {
            throw CLIError("not synced: git could not push (\(push.err.trimmingCharacters(in: .whitespacesAndNewlines))). "
                           + "Your work is committed here; sync again later.")
        }
        print("Pushed. The store is in step with the team.")
    }

    /// Plans held open by a live editor on this computer.
    func openPlans(_ store: PlanStore) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: store.plansFolder)) ?? []
        return names.filter { $0.hasPrefix(".") && $0.hasSuffix(".yaml.lock") }.compactMap { lock -> String? in
            let plan = store.plansFolder + "/" + String(lock.dropFirst().dropLast(5))
            guard let holder = PlanStore.editLockHolder(plan) else { return nil }
            return "\(String(lock.dropFirst().dropLast(5))) is open (\(holder))"
        }
    }

    /// Conflicting paths in words, by plan.
    static func describe(_ paths: [String]) -> [String] {
        paths.map { path in
            let name = path.split(separator: "/").last.map(String.init) ?? path
            if path.contains("audit/"), name.hasSuffix(".log") { return "- plan \(name.dropLast(4)): its audit log (both of you acted on it)" }
            if path.contains("plans/"), name.hasSuffix(".yaml") { return "- plan \(name.dropLast(5)): the plan itself (both of you edited it)" }
            if path.contains("signed/") { return "- a signed record, \(name) (it should never change: ask the store's owner)" }
            if name.hasPrefix("config.yaml") { return "- the store's config (\(name)): ask the store's owner" }
            return "- \(path)"
        }
    }
}

/// git, run in the store's folder.
struct Git {
    let folder: String

    struct Outcome { var status: Int32; var out: String; var err: String }

    func attempt(_ args: [String]) -> Outcome {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // Hooks in the store's .git are anyone's who can write the folder: never run them.
        p.arguments = ["git", "-c", "core.hooksPath=/dev/null"] + args
        p.currentDirectoryURL = URL(fileURLWithPath: folder)
        var env = ProcessInfo.processInfo.environment
        env["GIT_TERMINAL_PROMPT"] = "0"
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        do { try p.run() } catch { return Outcome(status: 127, out: "", err: "git cannot be run: \(error)") }
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Outcome(status: p.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
    }

    func out(_ args: [String]) throws -> String {
        let r = attempt(args)
        guard r.status == 0 else { throw CLIError("git \(args.joined(separator: " ")): \(r.err.trimmingCharacters(in: .whitespacesAndNewlines))") }
        return r.out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func run(_ args: [String]) throws { _ = try out(args) }

    func identity(_ key: String) -> String? {
        let v = (try? out(["config", key])) ?? ""
        return v.isEmpty ? nil : v
    }
}
