"""bench/run's report: the table of scenarios against the baselines measured in the same run, the
machine's load, and warnings when a baseline fell far below the recorded one. Arguments: see bench/run."""
import sys
rows = {}
for line in open(sys.argv[1]):
    name, rps, p50, p99, rss, non2xx, total = line.rstrip("\n").split("\t")
    rows[name] = dict(rps=float(rps), p50=float(p50), p99=float(p99), rss=int(rss or 0), non2xx=int(non2xx), total=int(total))
argon2, writes = float(sys.argv[2]), float(sys.argv[3])
cold, first, append = int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6])
rebuild_summary, quick, cores = sys.argv[7], sys.argv[9] == "1", sys.argv[10]
static = rows["baseline-static"]["rps"]

def check(ok):
    return "ok" if ok else "MISSED"

table = []
def add(name, scenario, baseline_name, baseline, target_ratio, extra_target="", extra_ok=True):
    row = rows[scenario]
    ratio = row["rps"] / baseline if baseline else 0
    ok = ratio >= target_ratio and extra_ok and row["non2xx"] == 0
    target = f">= {target_ratio} x {baseline_name}" + (f", {extra_target}" if extra_target else "")
    table.append((name, f"{row['rps']:.0f}/s", f"{row['p50']:.1f}", f"{row['p99']:.1f}", f"{row['rss']}",
                  f"{ratio:.2f} x {baseline_name}", target, f"{row['non2xx']}/{row['total']}", check(ok)))

add("browser login", "browser-login", "(a)", argon2, 0.85)
add("native login", "native-login", "(a)", argon2, 0.85)
add("GET /me cookie, 10k sessions", "me-cookie", "(b)", static, 0.5, "p99 <= 20 ms", rows["me-cookie"]["p99"] <= 20)
add("GET /me bearer, 10k sessions", "me-bearer", "(b)", static, 0.5, "p99 <= 20 ms", rows["me-bearer"]["p99"] <= 20)
refresh = rows["native-refresh"]
add("native refresh, 16 conns", "native-refresh", "(c)", writes, 0.5, ">= 1500/s, p99 <= 35 ms",
    refresh["rps"] >= 1500 and refresh["p99"] <= 35)
add("signup", "signup", "(a)", argon2, 0.8)
if "native-refresh-sealer-paused" in rows:
    add("native refresh, sealer paused", "native-refresh-sealer-paused", "(c)", writes, 0.0)
    add("native refresh, sealer running again", "native-refresh-sealer-running-again", "(c)", writes, 0.0)

print()
print(f"Identity Ledger benchmark ({'quick' if quick else 'full'} run, {cores} cores)")
print()
print(f"Machine load average (1, 5, 15 min): {sys.argv[11]} before, {sys.argv[12]} after")
print()
print("Baselines measured in this run:")
print(f"  (a) Argon2id verify, configured cost, same thread count : {argon2:8.1f}/s")
print(f"  (b) fixed small JSON from the same service (/bench/static): {static:8.1f}/s (p99 {rows['baseline-static']['p99']:.1f} ms)")
print(f"  (c) one-row write transactions, same pool size         : {writes:8.1f}/s")
print()
header = ("scenario", "throughput", "p50 ms", "p99 ms", "RSS MiB", "ratio", "target", "non-2xx", "")
widths = [max(len(str(r[i])) for r in table + [header]) for i in range(len(header))]
fmt = "  ".join("{:<" + str(w) + "}" for w in widths)
print(fmt.format(*header))
for r in table:
    print(fmt.format(*r))
print()
print("ok / MISSED: whether this run met the target. Targets are ratios to baselines measured in this same run,")
print("so a slow or busy machine lowers both sides; MISSED means the service is slower than its target relative to")
print("what this machine could do at that moment, not a failure of the run (the script exits 0 either way).")
recorded = {}
for line in open(sys.argv[13]):
    if line.strip() and not line.startswith("#"):
        key, value = line.split()
        recorded[key] = float(value)
for key, label, measured in (("argon2", "(a)", argon2), ("static", "(b)", static), ("writes", "(c)", writes)):
    if key in recorded and measured < 0.5 * recorded[key]:
        print(f"WARNING: baseline {label} is {measured / recorded[key]:.2f} x the recorded {recorded[key]:g}/s"
              f" (bench/recorded-baselines): this machine is busy or slower than the recorded one;"
              f" compare ratios, not absolute figures, and rerun on a quiet machine before recording.")
me_rss = max(rows["me-cookie"]["rss"], rows["me-bearer"]["rss"])
print()
print(f"service RSS under the /me load      : {me_rss} MiB (target <= 400 MiB) {check(me_rss <= 400)}")
print(f"cold start to ready (PG initialised): {cold} ms (target <= 10000 ms) {check(cold <= 10000)}   [first start incl. initdb: {first} ms]")
if "native-refresh-sealer-paused" in rows:
    paused, again = rows["native-refresh-sealer-paused"], rows["native-refresh-sealer-running-again"]
    print(f"the sealer's cost on refresh        : running {refresh['rps']:.0f}/s p99 {refresh['p99']:.1f} ms,"
          f" paused {paused['rps']:.0f}/s p99 {paused['p99']:.1f} ms,"
          f" running again {again['rps']:.0f}/s p99 {again['p99']:.1f} ms")
print(f"event append, 1 event/transaction   : {append:.0f} events/s")
print(open(rebuild_summary).read().rstrip())
