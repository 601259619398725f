#!/usr/bin/env python3
"""Writes hostile plan files of at most 1 MB each into a folder, one per shape, for
scripts/yaml-limits: every one must make `check` finish within 1 s and 64 MB, or be refused
(exit 2) with a finding at a line and column. Deterministic."""
import os, sys

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
MB = 1_000_000
HEAD = "format: supportplan/1\nid: LIMIT-1\nversion: 1\nstatus: draft\nauthor: A\nperson:\n  name: P\n"

def fill(prefix, unit, suffix="", limit=MB):
    """prefix + as many units as fit in `limit` bytes + suffix."""
    size = lambda t: len(t.encode("utf-8"))
    n = (limit - size(prefix) - size(suffix)) // size(unit)
    return prefix + unit * n + suffix

def support(k):
    return (f"  - id: S{k}\n    what: Support line {k}\n    kind: agency\n    provider: Provider {k % 7}\n"
            f"    funding: council\n    management: managed-account\n    rate: {10 + k % 20}.50\n"
            f"    unit: hour\n    quantity: 2\n    per: week\n    meets: [N1]\n")

laughs = HEAD + 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(9))
shapes = {
    "billion-laughs": laughs,
    "alias-late": fill(HEAD + "about_me: |\n", "  text\n", "x: &z 1\ny: *z\n"),
    "deep-flow": fill(HEAD + "needs: ", "["),
    "deep-flow-closed": HEAD + "needs: " + "[" * 400_000 + "]" * 400_000 + "\n",
    "deep-block": "".join(" " * i + "k:\n" for i in range(1400)),
    "huge-flow-sequence": fill(HEAD + "important_to_me: [", "x,", "x]\n"),
    "huge-block-sequence": fill(HEAD + "important_to_me:\n", "  - x\n"),
    "many-empty-needs": HEAD + "needs: [" + ",".join(["{}"] * 99_000) + "]\n",
    "many-empty-supports": HEAD + "supports:\n" + "  - {}\n" * 99_000,
    "many-unknown-keys": HEAD + "".join(f"k{i:06d}: 1\n" for i in range(85_000)),
    # The same just under the limits (YAMLLimits: 20,000 values, 5,000 lists and sections).
    "under-limit-empty-needs": HEAD + "needs: [" + ",".join(["{}"] * 4_990) + "]\n",
    "under-limit-empty-supports": HEAD + "supports:\n" + "  - {}\n" * 4_990,
    "under-limit-unknown-keys": HEAD + "".join(f"k{i:06d}: 1\n" for i in range(9_980)),
    "under-limit-unknown-deep-keys": HEAD + "supports:\n" + "".join(
        "  - " + "\n    ".join(f"k{i:02d}: 1" for i in range(18)) + "\n" for _ in range(520)),
    "under-limit-scalars": HEAD + "important_to_me:\n" + "  - x\n" * 19_980,
    "under-limit-supports": HEAD + "needs:\n  - id: N1\n    area: nutrition\n    description: d\n    eligible: true\n"
                     "    unable_because: [needs-help]\nsupports:\n" + "".join(support(k) for k in range(820)),
    "many-supports": HEAD + "needs:\n  - id: N1\n    area: nutrition\n    description: d\n    eligible: true\n"
                     "    unable_because: [needs-help]\nsupports:\n" + "".join(support(k) for k in range(4_600)),
    "long-key": fill(HEAD, "k", ": 1\n"),
    "long-quoted-key": fill(HEAD + '"', "k", '": 1\n'),
    "long-flow-key": fill(HEAD + "person: {", "k", ": 1}\n"),
    "long-value": fill(HEAD + "about_me: ", "word ", "\n"),
    "long-jargon-value": fill(HEAD + "about_me: ", "my personal budget and respite café ", "\n"),
    "long-jargon-non-ascii": fill(HEAD + "about_me: |\n  ", "Dépêche: direct payment, safeguarding, respite, ISF, RAS — ", "\n"),
    "many-documents": fill(HEAD, "---\na: 1\n"),
    "many-empty-documents": fill(HEAD, "---\n"),
    "tags": fill(HEAD + "important_to_me:\n", "  - !!binary aGk=\n"),
    "custom-tags": fill(HEAD + "important_to_me:\n", "  - !x!y z\n"),
    "long-tag": fill(HEAD + "about_me: !", "t", " x\n"),
    "duplicate-key-late": fill(HEAD + "about_me: |\n", "  line\n", "author: B\n"),
    "control-character-late": fill(HEAD + "about_me: |\n", "  line\n", "  \x01\n"),
    "many-lines-one-scalar": fill(HEAD + "about_me: |\n", "  \n", "  x\n"),
    "many-comments": fill(HEAD, "#\n"),
}
for name, text in shapes.items():
    data = text.encode("utf-8")
    assert len(data) <= MB, (name, len(data))
    with open(os.path.join(out, name + ".yaml"), "wb") as f:
        f.write(data)
