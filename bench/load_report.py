"""The report of bench/load.py: a Markdown table per page and role, the throughput against
/healthz, and the check of the writes."""

import statistics
from collections import Counter


def pct(values: list[float], q: float) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def report(stats, mix_seconds: float, healthz_rps: float, healthz_times: list[float],
           healthz_codes: Counter, check: dict) -> None:
    total = sum(len(v) for v in stats.times.values())
    in_mix = stats.times.get("/healthz (in the mix)") or [float("nan")]
    base = statistics.median(in_mix)
    print("\n| page | requests | p50 ms | p95 ms | ratio to /healthz (p50) | status codes |")
    print("|---|---:|---:|---:|---:|---|")
    for label in sorted(stats.times):
        times = stats.times[label]
        codes = ", ".join(f"{c}×{n}" for c, n in sorted(stats.statuses[label].items()))
        p50 = statistics.median(times)
        ratio = f"{base / p50:.0%}" if base == base else "–"  # noqa: PLR0124 - NaN
        print(f"| {label} | {len(times)} | {p50 * 1000:.0f} | {pct(times, 95) * 1000:.0f} | "
              f"{ratio} | {codes} |")
    if check is None:  # the logins before the mix
        errors = stats.server_errors + stats.transport_errors
        print(f"Logins before the mix: server or transport errors {len(errors)}")
        return
    mix_rps = total / mix_seconds
    print(f"\nMix: {total} requests in {mix_seconds:.1f} s = {mix_rps:.1f} req/s; /healthz "
          f"alone with the same users: {healthz_rps:.1f} req/s (p50 "
          f"{statistics.median(healthz_times) * 1000:.0f} ms, codes {dict(healthz_codes)}); "
          f"ratio {mix_rps / healthz_rps:.0%}")
    print(f"Server errors (5xx): {len(stats.server_errors)}; transport errors: "
          f"{len(stats.transport_errors)}")
    for line in (stats.server_errors + stats.transport_errors)[:10]:
        print("  ", line)
    kinds = Counter(write["kind"] for write in stats.writes)
    print(f"Acknowledged writes: {len(stats.writes)} ({dict(kinds)}); answered without "
          f"acknowledging: {dict(stats.rejected) or 'none'}")
    print(f"Checked in the database: {check['found']} status changes and article revisions "
          f"found exactly once by their marker, {check['states']} users' registrations in "
          f"the state of their last acknowledged action; {check['lost']} lost, "
          f"{check['duplicated']} duplicated; mails queued during the run: {check['mails']}, "
          f"not sent {check['mails_unsent']} (after {check['mail_wait']:.0f} s)")
    for line in check["problems"][:10]:
        print("  ", line)
