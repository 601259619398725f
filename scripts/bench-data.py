#!/usr/bin/env python3
"""Generates the benchmark's plans: N files of about 5 KB with about 20 support lines each,
one in five with a fault (money with three decimals, an unknown key, a link to a missing
need), plus one plan of about 1,000 lines and one of about 200 lines. Deterministic."""
import os, random, sys

out, count = sys.argv[1], int(sys.argv[2])
rng = random.Random(7)

def plan(i, lines, fault):
    needs = "".join(f"""  - id: N{n}
    area: {['nutrition', 'personal-hygiene', 'dressed', 'home-safely', 'community-services'][n % 5]}
    description: Needs help with this every day.
    eligible: true
    unable_because: [needs-help]
""" for n in range(1, 4))
    outcomes = """  - id: O1
    text: I want to stay at home and do the things I enjoy.
    wellbeing: [control-over-day-to-day-life]
    needs: [N1, N2, N3]
"""
    supports = ""
    total = 0
    for k in range(1, lines + 1):
        rate = rng.randint(1000, 3000) / 100
        qty = rng.choice([1, 2, 3.5, 7, 10])
        per = rng.choice(['week', 'week', 'month', '4-weeks', 'year'])
        rate_text = f"{rate:.2f}" if not (fault == 'money' and k == 3) else f"{rate:.3f}"
        supports += f"""  - id: S{k}
    what: Support line {k} for plan {i}
    kind: agency
    provider: Provider {k % 4}
    funding: council
    management: managed-account
    rate: {rate_text}
    unit: hour
    quantity: {qty}
    per: {per}
    meets: [N{1 + k % 3}, {'O1' if fault != 'link' or k != 2 else 'O9'}]
"""
        total += rate * qty * (52 if per == 'week' else 13 if per == '4-weeks' else 12 if per == 'month' else 1)
    final = round(total * 1.05, 2)
    extra = "colour: blue\n" if fault == 'unknown' else ""
    return f"""format: supportplan/1
id: BENCH-{i:05d}
version: 1
status: draft
created: 2026-11-25
author: Bench Planner
{extra}person:
  name: Person {i}
planned_with:
  - name: Person {i}
    role: person
needs:
{needs}outcomes:
{outcomes}supports:
{supports}budget:
  final: {final:.2f}
  person_contribution: 0
  council_contribution: {final:.2f}
contingency:
  - when: The agency cannot come
    then: Family help.
advice:
  meet_or_reduce: Leaflets.
  prevent_or_delay: A class.
agreement:
  status: agreed
review:
  first: 2027-01-10
  next: 2027-11-20
"""

os.makedirs(os.path.join(out, "plans"), exist_ok=True)
faults = [None, None, None, None, 'money', None, None, 'unknown', None, 'link']
for i in range(count):
    with open(os.path.join(out, "plans", f"plan-{i:05d}.yaml"), "w") as f:
        f.write(plan(i, 20, faults[i % len(faults)]))
with open(os.path.join(out, "plan-1000-lines.yaml"), "w") as f:
    f.write(plan(99999, 87, None))
with open(os.path.join(out, "plan-200-lines.yaml"), "w") as f:
    f.write(plan(99998, 14, None))
