"""Scores bench/hourly.sh's forecasts: MASE (in-sample seasonal naive MAE, lag 48), sMAPE (0..200), wall time and
peak RSS per origin, beside R's anchors (anchors.csv); means over the origins. Usage: hourly_score.py SUITE OUT"""
import csv, os, re, sys

suite, out = sys.argv[1], sys.argv[2]
M = 48


def column(path, name):
    with open(path) as f:
        return [float(r[name]) for r in csv.DictReader(f)]


def usage(path):
    text = open(path).read()
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", text)
    secs = (int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))) if wall else float("nan")
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    return secs, (int(rss.group(1)) / 1024 if rss else float("nan"))


anchors = {}
for r in csv.DictReader(open(os.path.join(suite, "anchors.csv"))):
    anchors.setdefault(r["method"], {})[r["case"]] = float(r["mase"])
methods = list(anchors)
cases = [r["case"] for r in csv.DictReader(open(os.path.join(suite, "cases.csv")))]
print(f"{'origin':8s} {'MASE':>6s} {'sMAPE':>6s} {'sec':>6s} {'RSS MB':>7s} | " + " ".join(f"{m:>18s}" for m in methods))
tot = {"mase": 0, "smape": 0}
for c in cases:
    hist = column(os.path.join(suite, f"{c}-history.csv"), "demand")
    act = column(os.path.join(suite, f"{c}-actual.csv"), "demand")
    fc = column(os.path.join(out, f"{c}-forecast.csv"), "demand")
    assert len(fc) == len(act), f"{c}: {len(fc)} forecasts for {len(act)} actuals"
    scale = sum(abs(hist[i] - hist[i - M]) for i in range(M, len(hist))) / (len(hist) - M)
    mase = sum(abs(a - f) for a, f in zip(act, fc)) / len(act) / scale
    smape = 200 * sum(abs(a - f) / (abs(a) + abs(f)) for a, f in zip(act, fc)) / len(act)
    secs, rss = usage(os.path.join(out, f"{c}.time"))
    tot["mase"] += mase / len(cases)
    tot["smape"] += smape / len(cases)
    print(f"{c:8s} {mase:6.3f} {smape:6.2f} {secs:6.1f} {rss:7.0f} | " + " ".join(f"{anchors[m][c]:18.3f}" for m in methods))
means = {m: sum(anchors[m][c] for c in cases) / len(cases) for m in methods}
print(f"{'mean':8s} {tot['mase']:6.3f} {tot['smape']:6.2f} {'':6s} {'':7s} | " + " ".join(f"{means[m]:18.3f}" for m in methods))
best = min(means.values())
print(f"seqcast mean MASE {tot['mase']:.3f} vs best anchor {best:.3f} ({min(means, key=means.get)}): "
      + ("below every anchor" if tot["mase"] < best else "NOT below every anchor"))
if os.path.exists(os.path.join(out, "long.time")):
    secs, rss = usage(os.path.join(out, "long.time"))
    print(f"twelve weeks half-hourly (4,032 rows, defaults, horizon 48): {secs:.1f} s, peak RSS {rss:.0f} MB")
