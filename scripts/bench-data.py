#!/usr/bin/env python3
"""Generates the benchmark's plans, N files in plans/: half are light generated plans of about
5 KB with about 20 support lines each, one in five with a fault (money with three decimals, an
unknown key, a link to a missing need); the other half are copies of the two example plans
(12 KB, every section filled in) with their ids, the person's names and every rate varied.
Plus one plan of about 1,000 lines and one of about 200 lines. Deterministic."""
import os, random, re, sys

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

here = os.path.dirname(os.path.abspath(__file__))
examples = []
for name, first, last in [("older-person-home-care.yaml", "Margaret", "Whitfield"), ("young-adult-pa.yaml", "Callum", "Ashby")]:
    with open(os.path.join(here, "..", "examples", name), encoding="utf-8") as f:
        examples.append((f.read(), first, last))
firsts = ["Aisha", "Brian", "Chloe", "Dev", "Edith", "Femi", "Grace", "Hamza", "Iris", "Jack", "Kezia", "Liam"]
lasts = ["Okafor", "Price", "Nowak", "Singh", "Evans", "Murphy", "Taylor", "Begum", "Hughes", "Clarke"]

def rich(i):
    """A copy of an example plan: another id, another person, every rate moved by up to 15%."""
    text, first, last = examples[i % 2]
    text = re.sub(r"^id: (\S+)$", lambda m: f"id: {m.group(1)}-{i:05d}", text, count=1, flags=re.M)
    text = text.replace(first, rng.choice(firsts)).replace(last, rng.choice(lasts))
    return re.sub(r"(\brate: )(\d+\.\d\d)", lambda m: f"{m.group(1)}{float(m.group(2)) * rng.uniform(0.85, 1.15):.2f}", text)

os.makedirs(os.path.join(out, "plans"), exist_ok=True)
faults = [None, None, None, None, 'money', None, None, 'unknown', None, 'link']
for i in range(count):
    with open(os.path.join(out, "plans", f"plan-{i:05d}.yaml"), "w", encoding="utf-8") as f:
        f.write(plan(i, 20, faults[(i // 2) % len(faults)]) if i % 2 == 0 else rich(i))
with open(os.path.join(out, "plan-1000-lines.yaml"), "w") as f:
    f.write(plan(99999, 87, None))
with open(os.path.join(out, "plan-200-lines.yaml"), "w") as f:
    f.write(plan(99998, 14, None))
