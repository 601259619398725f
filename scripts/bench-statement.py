#!/usr/bin/env python3
"""A five-year direct-payment statement for scripts/bench: N rows (default 10,000) in the Lloyds
layout (newest first, debit and credit columns, a running balance that adds up), with the
council's payment every four weeks, PA wages, agency visits, payroll and HMRC payments, and
identical payments on the same day. Usage: bench-statement.py OUT.csv [N]"""
import random, sys
from datetime import date, timedelta

out, n = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 10000
rng = random.Random(18)
start = date(2021, 4, 1)
days = 5 * 365
rows = []
balance = 150000
payees = [("G FENWICK WAGES", 41250), ("A KOWALSKA WAGES", 29700), ("CAREFORCE AGENCY", 8640),
          ("PAYROLL BUREAU LTD", 1800), ("HMRC PAYE", 24000), ("ODEON CINEMAS", 2340), ("TESCO STORES", 1899)]
last = -1
for i in range(n):
    d = i * days // n
    day = start + timedelta(days=d)
    if d % 28 == 0 and d != last:
        # The council's payment, enough for the next four weeks' spending on average.
        desc, pence, inflow = "NORTHSHIRE CC DIRECT PAYMENT", 2400000, True
    else:
        desc, pence = rng.choice(payees)
        inflow = False
    last = d
    balance += pence if inflow else -pence
    rows.append((day, "FPI" if inflow else "FPO", desc, pence, inflow, balance))
with open(out, "w") as f:
    f.write("Transaction Date,Transaction Type,Sort Code,Account Number,Transaction Description,Debit Amount,Credit Amount,Balance\n")
    money = lambda p: f"{'-' if p < 0 else ''}{abs(p) // 100}.{abs(p) % 100:02d}"
    for day, kind, desc, pence, inflow, bal in reversed(rows):
        f.write(f"{day:%d/%m/%Y},{kind},'30-94-57,12345678,{desc},{'' if inflow else money(pence)},{money(pence) if inflow else ''},{money(bal)}\n")
