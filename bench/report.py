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

# (a') the machine's ceiling for logins: raw Argon2id in a JVM of its own (bench/java/Argon2Baseline.java).
argon2_raw = float(sys.argv[15]) if len(sys.argv) > 15 and sys.argv[15] else 0.0
if argon2_raw:
    add("browser login", "browser-login", "(a')", argon2_raw, 0.9)
    add("native login", "native-login", "(a')", argon2_raw, 0.9)
else:
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
print(f"  (a) Argon2id verify, configured cost, same thread count : {argon2:8.1f}/s (inside the service's JVM)")
if argon2_raw:
    readings = sys.argv[16].split(",") if len(sys.argv) > 16 and sys.argv[16] else []
    when = f"; mean of {readings[0]} before and {readings[1]} after the logins" if len(readings) == 2 else ""
    print(f"  (a') raw Argon2id, same cost and threads, own default JVM: {argon2_raw:8.1f}/s (the machine's ceiling for logins{when})")
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
# Every scenario of the service's own process (logins, /me, refresh, signup): the mixed load.
mixed_rss, mixed_rss_at = max((row["rss"], name) for name, row in rows.items() if not name.startswith("keycloak-")
                              and not name.startswith("native-login-keycloak-cost") and name != "baseline-static")
print()
print(f"service RSS under the /me load      : {me_rss} MiB")
print(f"service RSS, highest over every scenario (as the README starts it): {mixed_rss} MiB, in {mixed_rss_at}"
      f" (target <= 360 MiB) {check(mixed_rss <= 360)}")
print(f"start to ready, PG initialised      : {cold} ms (target <= 6000 ms) {check(cold <= 6000)}")
print(f"start to ready, fresh data dir      : {first} ms (target <= 8000 ms) {check(first <= 8000)} (initdb included)")
if "native-refresh-sealer-paused" in rows:
    paused, again = rows["native-refresh-sealer-paused"], rows["native-refresh-sealer-running-again"]
    print(f"the sealer's cost on refresh        : running {refresh['rps']:.0f}/s p99 {refresh['p99']:.1f} ms,"
          f" paused {paused['rps']:.0f}/s p99 {paused['p99']:.1f} ms,"
          f" running again {again['rps']:.0f}/s p99 {again['p99']:.1f} ms")
print(f"event append, 1 event/transaction   : {append:.0f} events/s")
print(open(rebuild_summary).read().rstrip())

# bench/run --compare-keycloak: Keycloak's rows (keycloak-*#N) and the ledger's alternated with them
# (scenario#N), medians side by side; Keycloak's other figures in sys.argv[14] (key TAB value lines).
def rounds(prefix):
    found = sorted((int(name.split("#")[1]), row) for name, row in rows.items()
                   if name.split("#")[0] == prefix and name.split("#")[1:] and name.split("#")[1].isdigit())
    return [row for _, row in found]

def median(values):
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2

def medians(prefix):
    found = rounds(prefix)
    if not found:
        return None
    return dict(rps=median([r["rps"] for r in found]), p50=median([r["p50"] for r in found]),
                p99=median([r["p99"] for r in found]), rss=max(r["rss"] for r in found),
                non2xx=sum(r["non2xx"] for r in found), total=sum(r["total"] for r in found), rounds=found)

if any(name.startswith("keycloak-") for name in rows):
    info = {}
    if len(sys.argv) > 14 and sys.argv[14]:
        for line in open(sys.argv[14]):
            if "\t" in line:
                key, value = line.rstrip("\n").split("\t", 1)
                info[key] = value
    compared = []
    pairs = (
        ("password login, browser", "browser-login", "keycloak-login", None, None),
        ("password login, native", "native-login", "keycloak-login", None, None),
        ("GET /v1/auth/me bearer vs userinfo", "me-bearer", "keycloak-userinfo", 2.0, 1.0),
        ("GET /v1/auth/me cookie vs userinfo", "me-cookie", "keycloak-userinfo", 2.0, 1.0),
        ("native refresh vs refresh grant", "native-refresh", "keycloak-refresh", 2.5, 0.5),
        ("password login at Keycloak's cost, fresh JVMs", "native-login-keycloak-cost", "keycloak-login-fresh", 1.5, None),
    )
    for label, ledger_name, keycloak_name, target_ratio, p99_share in pairs:
        ledger, keycloak = medians(ledger_name), medians(keycloak_name)
        if not ledger or not keycloak:
            continue
        ratio = ledger["rps"] / keycloak["rps"] if keycloak["rps"] else 0
        if target_ratio is None:
            target, verdict = "informational", "-"
        else:
            target = f">= {target_ratio:g} x Keycloak"
            ok = ratio >= target_ratio and ledger["non2xx"] == 0 and keycloak["non2xx"] == 0
            if p99_share is not None:
                target += ", p99 <= " + ("Keycloak's" if p99_share == 1 else f"{p99_share:g} x Keycloak's")
                ok = ok and ledger["p99"] <= p99_share * keycloak["p99"]
            verdict = check(ok)
        compared.append((label, f"{ledger['rps']:.0f}/s", f"{keycloak['rps']:.0f}/s", f"{ratio:.2f}",
                         f"{ledger['p99']:.1f} vs {keycloak['p99']:.1f}", target,
                         f"{ledger['non2xx']}/{keycloak['non2xx']}", verdict))
    print()
    count = info.get("rounds") or str(len(rounds("keycloak-userinfo")))
    print(f"Identity Ledger vs Keycloak {info.get('version', '?')} on this machine, alternated"
          f" (Keycloak, ledger, Keycloak, ...), medians of {count} rounds each:")
    print()
    header = ("scenario", "ledger (median)", "Keycloak (median)", "ledger/Keycloak", "p99 ms ledger vs Keycloak",
              "target", "non-2xx L/K", "")
    widths = [max(len(str(r[i])) for r in compared + [header]) for i in range(len(header))]
    fmt = "  ".join("{:<" + str(w) + "}" for w in widths)
    print(fmt.format(*header))
    for r in compared:
        print(fmt.format(*r))
    print()
    print("Keycloak's side: login = password grant (scope openid, a new session each), refresh = refresh grant (each token")
    print("used once), userinfo = GET userinfo with a bearer access token; the same connections, threads and durations as")
    print("the ledger's scenario. \"at Keycloak's cost\": the ledger with Argon2id m=7168 KiB, t=5, p=1 (Keycloak's default)")
    print(f"and native login, against Keycloak's password grant, {info.get('cost_connections', '4')} connections,"
          f" each round on a fresh JVM of each.")
    print("req/s per round, in the order run:")
    listed = [(keycloak_name, ", ".join(f"{r['rps']:.0f}" for r in rounds(keycloak_name)),
               ledger_name, ", ".join(f"{r['rps']:.0f}" for r in rounds(ledger_name)))
              for _, ledger_name, keycloak_name, _, _ in pairs if rounds(ledger_name) and rounds(keycloak_name)]
    if listed:
        widths = [max(len(item[i]) for item in listed) for i in range(4)]
        for item in listed:
            print("  " + "  ".join(value.ljust(width) for value, width in zip(item, widths)).rstrip())
    starts = [int(v) for v in info.get("start_ms", "").split(",") if v]
    ledger_starts = [int(v) for v in info.get("ledger_cost_start_ms", "").split(",") if v]
    keycloak_peak = max((r["rss"] for name, r in rows.items() if name.startswith("keycloak-")), default=0)
    ledger_peak = max((r["rss"] for name, r in rows.items() if "#" in name and not name.startswith("keycloak-")
                       and not name.startswith("native-login-keycloak-cost")), default=0)
    print()
    print(f"Keycloak {info.get('version', '?')} (Java {info.get('java', '?')}, kc.sh's default JVM options"
          f" [{info.get('jvm_options', '?')}], production mode, its own PostgreSQL with the ledger's build and settings):")
    print(f"  start to ready          : first start (creates its schema) {info.get('first_start_ms', '?')} ms;"
          + (f" fresh starts {', '.join(map(str, starts))} ms (median {median(starts):.0f} ms)" if starts else "")
          + (f"; the ledger's: {', '.join(map(str, ledger_starts))} ms (median {median(ledger_starts):.0f} ms)"
             if ledger_starts else ""))
    print(f"  RSS                     : at ready {info.get('rss_ready_mib', '?')} MiB, after the realm setup"
          f" {info.get('rss_after_setup_mib', '?')} MiB, peak under load {keycloak_peak} MiB"
          f" (the ledger's peak in the same rounds: {ledger_peak} MiB)")
    if info.get("ledger_args"):
        print(f"  the ledger's settings   : {info['ledger_args']}")
    if "stored_hash" in info:
        print(f"  realm bench             : password policy {info.get('password_policy') or '(empty: Keycloak default)'};"
              f" a user's stored hash: {info['stored_hash']}; {info.get('users', '?')} users;"
              f" accessTokenLifespan {info.get('access_token_lifespan_s')} s (raised from 300 s, as the ledger's), everything else default"
              f" (ssoSessionIdleTimeout {info.get('sso_session_idle_timeout_s')} s, revokeRefreshToken"
              f" {info.get('revoke_refresh_token')}, bruteForceProtected {info.get('brute_force_protected')})")
