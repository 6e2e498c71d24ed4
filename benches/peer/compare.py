#!/usr/bin/env python3
"""Compares a `journey simulate --format json` report with the SimPy peer's summary.

The two use different random streams, so the figures differ by sampling error only if
the models agree. Rates are compared in standard errors (|z| < 3 is what agreement
looks like); per-user counts (stage visits, sends) as a relative difference.

Usage: compare.py JOURNEY.json SIMPY.json
"""

import json
import math
import sys
import unicodedata


def pad(text, width=28):
    """Left-aligns `text` in `width` terminal columns (CJK characters take two)."""
    wide = sum(unicodedata.east_asian_width(c) in "WF" for c in text)
    return text + " " * max(0, width - len(text) - wide)


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def rate_row(name, a, b):
    """A rate `reached / users` in both runs, and their difference in standard errors."""
    pa, pb = a["reached"] / a["users"], b["reached"] / b["users"]
    p = (a["reached"] + b["reached"]) / (a["users"] + b["users"])
    se = math.sqrt(p * (1 - p) * (1 / a["users"] + 1 / b["users"])) or 1.0
    print(f"{pad(name)} {pa:>10.4f} {pb:>10.4f}   z = {(pb - pa) / se:+.1f}")


def count_row(name, a, na, b, nb):
    """A count per user in both runs, and the relative difference."""
    xa, xb = a / na, b / nb
    diff = f"{(xb - xa) / xa * 100:+.1f}%" if xa else ("=" if xb == 0 else "n/a")
    print(f"{pad(name)} {xa:>10.4f} {xb:>10.4f}   {diff}")


def main():
    journey, peer = load(sys.argv[1]), load(sys.argv[2])
    nj, np_ = journey["users"], peer["users"]
    print(f"{'per user / rate':<28} {'journey':>10} {'simpy':>10}   difference")
    print(f"{'(users)':<28} {nj:>10} {np_:>10}")
    count_row("entered", journey["entered"], nj, peer["entered"], np_)
    count_row("holdout", journey["holdout"], nj, peer["holdout"], np_)
    for gj, gp in zip(journey["goals"], peer["goals"]):
        rate_row(f"goal {gj['name']} treatment", gj["treatment"], gp["treatment"])
        rate_row(f"goal {gj['name']} holdout", gj["holdout"], gp["holdout"])
    for sj, sp in zip(journey["stages"], peer["stages"]):
        count_row(f"stage {sj['name']} entered", sj["entered"], nj, sp["entered"], np_)
        for where in sorted(set(sj["exits"]) | set(sp["exits"])):
            count_row(f"  exits to {where}", sj["exits"].get(where, 0), nj,
                      sp["exits"].get(where, 0), np_)
    for tj, tp in zip(journey["touchpoints"], peer["touchpoints"]):
        for key in ("sent", "deferred", "capped", "suppressed"):
            count_row(f"{tj['name']} {key}", tj[key], nj, tp[key], np_)
    for aj, ap in zip(journey["splits"][0]["arms"], peer["splits"][0]["arms"]):
        count_row(f"split arm {aj['name']} users", aj["users"], nj, ap["users"], np_)
        reached = round(aj["goal_rates"]["首单"] * aj["users"])
        rate_row(f"split arm {aj['name']} 首单", {"users": aj["users"], "reached": reached}, ap)


if __name__ == "__main__":
    main()
