#!/usr/bin/env python3
"""Mean sMAPE (M3 definition) on M1 of seqcast's --global forecasts, R's thetaf and ets, and their equal-weight means.

  PERSERIES=0 KEEP=/tmp/m1 bench/m1.sh
  Rscript bench/classical-forecasts.R ../shared/bench/m1/monthly.csv 18 12 /tmp/classical-monthly.csv
  bench/m1-combine.py ../shared/bench/m1/actuals.csv /tmp/m1/global-monthly/forecasts.csv /tmp/classical-monthly.csv
"""
import collections
import csv
import sys

actuals, seqcast, classical = sys.argv[1:4]
act = collections.defaultdict(dict)
for r in csv.DictReader(open(actuals)):
    act[r['series']][int(r['step'])] = float(r['value'])
seq = collections.defaultdict(list)
for r in csv.DictReader(open(seqcast)):
    seq[r['series']].append(float(r['value']))
th = collections.defaultdict(dict)
et = collections.defaultdict(dict)
for r in csv.DictReader(open(classical)):
    th[r['series']][int(r['step'])] = float(r['theta'])
    et[r['series']][int(r['step'])] = float(r['ets'])


def smape(a, f):
    return sum(200 * abs(x - y) / (abs(x) + abs(y)) for x, y in zip(a, f)) / len(a)


res = collections.defaultdict(list)
for s in seq:
    a = [act[s][k] for k in sorted(act[s])]
    h = len(a)
    lstm = seq[s][:h]
    theta = [th[s][k] for k in range(1, h + 1)]
    ets = [et[s][k] for k in range(1, h + 1)]
    res['seqcast'].append(smape(a, lstm))
    res['thetaf'].append(smape(a, theta))
    res['ets'].append(smape(a, ets))
    res['(seqcast + thetaf) / 2'].append(smape(a, [(x + y) / 2 for x, y in zip(lstm, theta)]))
    res['(seqcast + ets) / 2'].append(smape(a, [(x + y) / 2 for x, y in zip(lstm, ets)]))
for k, v in res.items():
    print(f'{k:26s} {len(v):5d} series  sMAPE {sum(v) / len(v):.3f}')
