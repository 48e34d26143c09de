#!/usr/bin/env python3
"""The client side of bench/dbcost: what one operation costs the database. bench/dbcost starts a
PostgreSQL (the embedded binaries, pg_stat_statements loaded); this starts a counting relay in front of
it (bench/pgproxy.py), starts one service instance that connects through the relay, runs each
operation N times from one client, one at a time, and prints per operation:

  statements     SQL statements the request path executed (BEGIN/COMMIT/ROLLBACK not included)
  round trips    times the service stopped and waited for PostgreSQL (Sync or simple Query messages;
                 pgjdbc sends BEGIN in the same flight as the first statement, so this is statements
                 + one COMMIT per transaction + connection validations)
  transactions   transactions the request path committed (or rolled back)
  WAL bytes      pg_current_wal_lsn() moved, including sealing the operation's events into the chain,
                 the idle rate of the service's timers subtracted
  rows written   rows inserted, updated or deleted by the request path (command tags)

The relay classifies each transaction (request / sealing / background timers / connection setup),
so the request path needs no subtraction; PostgreSQL's own counters (pg_stat_database,
pg_stat_statements, pg_stat_wal) and the CPU time of PostgreSQL's processes and of the service are
printed next to them as cross-checks, minus the rate measured in an idle window.
"""
import argparse
import os
import subprocess
import sys
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cluster as api  # noqa: E402  (the HTTP client and the API calls)
from pgproxy import CLASSES, CountingProxy  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")


def log(message):
    print(f"[dbcost] {message}", file=sys.stderr, flush=True)


def out(message=""):
    print(message, flush=True)


def schedstat_ms(path):
    """Time on a CPU (ns in the first field of schedstat: exact, unlike the 10 ms ticks of stat), in ms."""
    try:
        return int(open(path).read().split()[0]) / 1e6
    except (OSError, ValueError, IndexError):
        return 0.0


def cpu_ms(pid):
    """Every thread of a process (the service's JVM)."""
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return 0.0
    return sum(schedstat_ms(f"/proc/{pid}/task/{task}/schedstat") for task in tasks)


def postgres_cpu_ms(postmaster):
    """The postmaster and every live child (backends, walwriter, checkpointer, ...); children that exited
    during a window are counted by their ticks (cutime, cstime), which pool connections do not do."""
    total = schedstat_ms(f"/proc/{postmaster}/schedstat")
    try:
        fields = open(f"/proc/{postmaster}/stat").read().rsplit(")", 1)[1].split()
        total += (int(fields[13]) + int(fields[14])) * 1000.0 / TICK
    except OSError:
        pass
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                parent = int(open(f"/proc/{entry}/stat").read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            if parent == postmaster:
                total += schedstat_ms(f"/proc/{entry}/schedstat")
    return total


BACKGROUND_SQL = ("pg_try_advisory_xact_lock|mail_outbox|mail_dead_letter|ledger_checkpoint|signing_key|security_log WHERE at <"
                  "|FROM session_view WHERE NOT|flyway_schema_history|rate_limit_bucket WHERE expires_at|LISTEN |pg_stat_statements"
                  "|pg_current_wal_lsn|pg_stat_database|SELECT position, hash FROM ledger_chain ORDER BY position DESC")


class Probe:
    """Two readings: the fast one right after the operations (WAL position, transaction ids,
    pg_stat_statements, CPU, the relay's counts), the slow one after pg_stat_database has heard from
    every backend (an idle backend reports within 10 s, PGSTAT_IDLE_INTERVAL)."""
    FAST = ("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0'), txid_current(),"
            " (SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE query !~ '" + BACKGROUND_SQL + "'),"
            " (SELECT coalesce(sum(wal_bytes), 0) FROM pg_stat_statements WHERE query !~ '" + BACKGROUND_SQL + "'),"
            " (SELECT coalesce(sum(wal_fpi), 0) FROM pg_stat_statements WHERE query !~ '" + BACKGROUND_SQL + "'),"
            " (SELECT coalesce(sum(wal_bytes), 0) FROM pg_stat_statements WHERE query ~ 'INSERT INTO ledger_chain'),"
            " (SELECT coalesce(max(global_index), 0) FROM domain_event_entry)")
    FAST_NAMES = ("wal_bytes", "xids", "pgss_calls", "pgss_wal", "pgss_fpi", "pgss_wal_sealing", "events")
    SLOW = ("SELECT d.xact_commit + d.xact_rollback, d.tup_inserted + d.tup_updated + d.tup_deleted, w.wal_records, w.wal_fpi"
            " FROM pg_stat_database d, pg_stat_wal w WHERE d.datname = 'postgres'")
    SLOW_NAMES = ("xacts", "tuples", "wal_records", "wal_fpi")
    NAMES = FAST_NAMES + SLOW_NAMES + ("pg_cpu_ms", "service_cpu_ms")

    def __init__(self, sql, proxy, postmaster, service_pid):
        self.sql, self.proxy, self.postmaster, self.service_pid = sql, proxy, postmaster, service_pid

    def fast(self):
        values = dict(zip(self.FAST_NAMES, (float(v) for v in self.sql.one(self.FAST))))
        values["pg_cpu_ms"] = postgres_cpu_ms(self.postmaster)
        values["service_cpu_ms"] = cpu_ms(self.service_pid)
        values["time"] = time.monotonic()
        return values, self.proxy.snapshot()

    def slow(self):
        values = dict(zip(self.SLOW_NAMES, (float(v) for v in self.sql.one(self.SLOW))))
        values["time"] = time.monotonic()
        return values


class Block:
    def __init__(self, label, n, before, after_fast, after_slow, ops_seconds):
        (b, pb), (a, pa) = before, after_fast
        self.label, self.n, self.ops_seconds = label, n, ops_seconds
        self.seconds = {key: a["time"] - b["time"] for key in Probe.FAST_NAMES + ("pg_cpu_ms", "service_cpu_ms")}
        self.seconds.update({key: after_slow["time"] - b["time"] for key in Probe.SLOW_NAMES})
        self.db = {key: a[key] - b[key] for key in Probe.FAST_NAMES + ("pg_cpu_ms", "service_cpu_ms")}
        self.db.update({key: after_slow[key] - b[key] for key in Probe.SLOW_NAMES})
        # The probe's own readings: one transaction id (txid_current) and one or two transactions per window.
        self.db["xids"] -= 1
        self.db["xacts"] -= 2
        self.proxy = pa.minus(pb)


def wait_sealed(sql, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        head, tip = (int(v) for v in sql.one("SELECT (SELECT coalesce(max(global_index), 0) FROM domain_event_entry),"
                                              " (SELECT coalesce(max(position), 0) FROM ledger_chain)"))
        if tip >= head:
            return
        time.sleep(0.1)
    raise RuntimeError("the sealer did not catch up")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--app", required=True)
    parser.add_argument("--jar", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--pg-port", type=int, required=True)
    parser.add_argument("--pg-jar", required=True)
    parser.add_argument("--postmaster", type=int, required=True)
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--logins", type=int, default=100)
    parser.add_argument("--stats-wait", type=float, default=11.0)
    args = parser.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

    def free_port():
        import socket
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            return s.getsockname()[1]

    proxy_port, http_port = free_port(), free_port()
    proxy = CountingProxy(proxy_port, "127.0.0.1", args.pg_port)
    proxy.start()
    base = f"http://127.0.0.1:{http_port}"
    log(f"starting the service on {base}, its PostgreSQL through the counting relay on port {proxy_port}")
    service_log = open(os.path.join(args.work, "service.log"), "w")
    service = subprocess.Popen(
        [args.app, f"--server.port={http_port}", f"--identity.data-dir={args.work}/data",
         f"--spring.datasource.url=jdbc:postgresql://127.0.0.1:{proxy_port}/postgres?sslmode=disable&gssEncMode=disable",
         "--spring.datasource.username=postgres", f"--identity.public-base-url={base}",
         "--identity.abuse.enabled=true", "--identity.abuse.trusted-proxies=127.0.0.1", "--identity.mail.log-links=false",
         "--logging.level.root=WARN", "--logging.level.org.identityledger=WARN"],
        stdout=service_log, stderr=subprocess.STDOUT, env=dict(os.environ, JAVA_OPTS=os.environ.get("DBCOST_JAVA_OPTS", "")))
    try:
        return measure(args, root, proxy, service, base)
    finally:
        service.terminate()
        try:
            service.wait(timeout=60)
        except subprocess.TimeoutExpired:
            service.kill()


def measure(args, root, proxy, service, base):
    started = time.monotonic()
    while True:
        if service.poll() is not None:
            raise RuntimeError(f"the service exited ({service.returncode}); see {args.work}/service.log")
        try:
            urllib.request.urlopen(base + "/v1/auth/csrf", timeout=2).read()
            break
        except OSError:
            time.sleep(0.2)
    log(f"service up after {time.monotonic() - started:.0f} s")
    sql = api.Sql(args.pg_jar, f"jdbc:postgresql://127.0.0.1:{args.pg_port}/postgres", root)
    instance = api.Instance("S", base)
    http = api.Http()
    probe = Probe(sql, proxy, args.postmaster, service.pid)

    accounts = []
    for index in range(20):
        email = f"cost-{api.RUN}-{index}@dbcost.bench"
        answer = api.signup(http, instance, email, api.fresh_ip())
        assert answer.status == 201, answer.body
        accounts.append(email)

    def expect(answer, status, what):
        if answer.status != status:
            raise RuntimeError(f"{what}: {answer.status} {answer.body[:300]!r}")
        return answer

    # Warm-up (the JIT compiles the paths; not measured): every operation, 40 times.
    log("warming up every operation")
    for index in range(40):
        email = accounts[index % len(accounts)]
        _, session = api.browser_login(http, instance, email)
        expect(api.me_cookie(http, instance, session), 200, "warm-up /me")
        expect(api.browser_logout(http, instance, session), 204, "warm-up logout")
        tokens = expect(api.native_login(http, instance, email), 200, "warm-up login").json()
        tokens = expect(api.refresh(http, instance, tokens["refresh_token"]), 200, "warm-up refresh").json()
        expect(api.me_bearer(http, instance, tokens["access_token"]), 200, "warm-up /me")
        expect(api.native_logout(http, instance, tokens["access_token"]), 204, "warm-up logout")

    blocks = []

    def block(label, n, operation):
        wait_sealed(sql)
        time.sleep(0.5)
        before = probe.fast()
        before[0].update(probe.slow())
        began = time.monotonic()
        for index in range(n):
            operation(index)
        ops_seconds = time.monotonic() - began
        wait_sealed(sql)
        after_fast = probe.fast()
        time.sleep(args.stats_wait)
        blocks.append(Block(label, n, before, after_fast, probe.slow(), ops_seconds))
        log(f"{label}: {n} in {ops_seconds:.1f} s")

    log("idle window (the service's timers alone)")
    block("idle", 1, lambda index: time.sleep(10))
    idle = blocks.pop()

    n, logins = args.n, args.logins
    browser_sessions, native = [], []
    def browser_login(i):
        answer, session = api.browser_login(http, instance, accounts[i % len(accounts)])
        if session is None:
            raise RuntimeError(f"browser login: {answer.status} {answer.body[:300]!r}")
        browser_sessions.append(session)

    block("password login, browser", logins, browser_login)
    block("/me, cookie (first on its session)", logins, lambda i: expect(
        api.me_cookie(http, instance, browser_sessions[i]), 200, "/me cookie"))
    block("logout, browser", logins, lambda i: expect(api.browser_logout(http, instance, browser_sessions[i]), 204, "logout"))
    block("password login, native", logins, lambda i: native.append(
        expect(api.native_login(http, instance, accounts[i % len(accounts)]), 200, "native login").json()))
    block("refresh, native", logins, lambda i: native.__setitem__(i, expect(
        api.refresh(http, instance, native[i]["refresh_token"]), 200, "refresh").json()))
    block("/me, bearer (first on its session)", logins, lambda i: expect(
        api.me_bearer(http, instance, native[i]["access_token"]), 200, "/me bearer"))
    block("/me, bearer (same session again)", n, lambda i: expect(
        api.me_bearer(http, instance, native[0]["access_token"]), 200, "/me bearer again"))
    # The same refresh again, right after a checkpoint: the first change of each page after one is logged
    # whole (full_page_writes), the WAL's worst case; the rows above ran between checkpoints.
    sql.rows("CHECKPOINT")
    block("refresh, native, first after a CHECKPOINT", logins, lambda i: native.__setitem__(i, expect(
        api.refresh(http, instance, native[i]["refresh_token"]), 200, "refresh").json()))
    block("logout, native", logins, lambda i: expect(api.native_logout(http, instance, native[i]["access_token"]), 204, "logout"))
    log("idle window again")
    block("idle", 1, lambda index: time.sleep(10))
    idle_after = blocks.pop()

    rate = {key: (idle.db[key] + idle_after.db[key]) / (idle.seconds[key] + idle_after.seconds[key]) for key in idle.db}
    idle_request = {key: idle.proxy.by_class["request"][key] + idle_after.proxy.by_class["request"][key]
                    for key in ("statements", "round_trips", "transactions")}

    def per_op(b, key):
        """Per operation, the idle rate subtracted; a count cannot go below 0 (what is left is noise)."""
        return max(0.0, (b.db[key] - rate[key] * b.seconds[key]) / b.n)

    def rq(b, key, klass="request"):
        return b.proxy.by_class[klass][key] / b.n

    import io
    import zipfile
    outer = zipfile.ZipFile(args.jar)
    jar_has_cache = any(name.endswith("query/cache/CachedViews.class")
                        for inner in (zipfile.ZipFile(io.BytesIO(outer.read(n))) for n in outer.namelist()
                                      if n.startswith("BOOT-INF/lib/query-side-"))
                        for name in inner.namelist())
    out(f"# Database cost per operation ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores,"
        f" load average {os.getloadavg()[0]:.2f},"
        f" PostgreSQL {sql.one('SHOW server_version')[0]}, one service instance, one client, one request at a time)")
    built = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(os.path.getmtime(args.jar)))
    out(f"jar: dated {built} (view cache {'present' if jar_has_cache else 'absent: every /me reads PostgreSQL'});"
        f" abuse controls on; {logins} of each login, refresh, logout and first /me, {n} repeated /me")
    out()
    def wal(b):
        """WAL of the operation's own statements and of sealing its events (pg_stat_statements, the timers' statements left out)."""
        return b.db["pgss_wal"] / b.n

    out("Request path (what the request itself ran, counted on the wire); WAL: its statements' and sealing its events'")
    out("(pg_stat_statements.wal_bytes):")
    out()
    out("| operation | statements | round trips | transactions | WAL bytes | rows written |")
    out("| --- | ---: | ---: | ---: | ---: | ---: |")
    for b in blocks:
        out(f"| {b.label} | {rq(b, 'statements'):.1f} | {rq(b, 'round_trips'):.1f} | {rq(b, 'transactions'):.1f} |"
            f" {wal(b):,.0f} | {rq(b, 'rows_written'):.1f} |")
    out()
    out("Per operation, around it: the events it appended and what sealing them cost the sealer (its own transactions,"
        " batched: one round seals up to 1,000 events, so under load this shrinks); the WAL it wrote measured three"
        " ways; the CPU time of PostgreSQL's processes and of the service (the idle rate subtracted); PostgreSQL's own"
        " counters for the whole window (request + sealing + timers, the idle rate subtracted) as a cross-check of the relay:")
    out()
    out("| operation | events | sealing: statements / round trips / rows | WAL: statements (of it sealing) / LSN moved / full-page images |"
        " PG CPU ms | service CPU ms | transactions: relay (request + sealing) / pg_stat_database / with an xid |"
        " statements incl. BEGIN, COMMIT: relay / pg_stat_statements (misses COMMITs pgjdbc sends prepared) | rows written: relay / pg_stat_database | validations |")
    out("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for b in blocks:
        relay_statements = sum(b.proxy.by_class[k]["statements"] + b.proxy.by_class[k]["control"] for k in ("request", "sealing")) / b.n
        relay_xacts = (b.proxy.by_class["request"]["transactions"] + b.proxy.by_class["sealing"]["transactions"]) / b.n
        relay_rows = (b.proxy.by_class["request"]["rows_written"] + b.proxy.by_class["sealing"]["rows_written"]) / b.n
        out(f"| {b.label} | {b.db['events'] / b.n:.2f} | {rq(b, 'statements', 'sealing'):.2f} / {rq(b, 'round_trips', 'sealing'):.2f}"
            f" / {rq(b, 'rows_written', 'sealing'):.2f} | {wal(b):,.0f} ({b.db['pgss_wal_sealing'] / b.n:,.0f}) /"
            f" {per_op(b, 'wal_bytes'):,.0f} / {b.db['pgss_fpi'] / b.n:.2f} | {per_op(b, 'pg_cpu_ms'):.2f} | {per_op(b, 'service_cpu_ms'):.1f} |"
            f" {relay_xacts:.2f} / {per_op(b, 'xacts'):.2f} / {per_op(b, 'xids'):.2f} | {relay_statements:.1f} / {b.db['pgss_calls'] / b.n:.1f} |"
            f" {relay_rows:.1f} / {per_op(b, 'tuples'):.1f} | {rq(b, 'validations'):.2f} |")
    out()
    out(f"idle windows: {idle.seconds['xacts'] + idle_after.seconds['xacts']:.0f} s; per second the service's timers ran"
        f" {rate['xacts']:.1f} transactions ({(idle.proxy.by_class['background']['round_trips'] + idle_after.proxy.by_class['background']['round_trips']) / (idle.seconds['xids'] + idle_after.seconds['xids']):.1f} round trips),"
        f" LSN moved {rate['wal_bytes']:.0f} bytes, PostgreSQL CPU {rate['pg_cpu_ms']:.1f} ms, service CPU {rate['service_cpu_ms']:.1f} ms;"
        f" request-path statements seen while idle: {idle_request['statements']} (0 = the relay's classification holds)")
    if idle_request["statements"]:
        seen = idle.proxy.texts["request"] + idle_after.proxy.texts["request"]
        out("  request-class statements while idle: " + "; ".join(f"{count} x {text[:100]}" for text, count in seen.most_common(5)))
    flushes = sum(b.proxy.by_class['request']['flushes'] for b in blocks)
    rollbacks = sum(b.proxy.by_class['request']['rollbacks'] for b in blocks)
    rolled = ", ".join(f"{b.label}: {rq(b, 'rollbacks'):.2f}/op" for b in blocks if b.proxy.by_class["request"]["rollbacks"])
    out(f"Flush messages (a wait outside Sync): {flushes}; request transactions that rolled back: {rollbacks} ({rolled or 'none'})")
    out()
    out("What the request path ran, per operation (statements per operation; text shortened):")
    for b in blocks:
        out(f"- {b.label}:")
        for text, count in sorted(b.proxy.texts["request"].items(), key=lambda item: (-item[1], item[0])):
            if count / b.n >= 0.05:
                out(f"    {count / b.n:5.2f} x {text[:150]}")
    out()
    out("At 1,000 of one operation per second (from the figures above; sealing counted one transaction per event as"
        " measured here one at a time, under load one round seals many): the primary's commits, round trips, WAL and CPU;"
        " and how many of the operation one core of each side carries:")
    out()
    out("| operation | transactions/s (writing) | round trips/s | WAL MiB/s | PostgreSQL CPU (cores) | per PostgreSQL core | per service core |")
    out("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for b in blocks:
        commits = (rq(b, "transactions") + rq(b, "transactions", "sealing")) * 1000
        trips = (rq(b, "round_trips") + rq(b, "round_trips", "sealing")) * 1000
        pg = per_op(b, "pg_cpu_ms")
        svc = per_op(b, "service_cpu_ms")
        out(f"| {b.label} | {commits:,.0f} ({per_op(b, 'xids') * 1000:,.0f}) | {trips:,.0f} | {wal(b) * 1000 / 1048576:.2f} | {pg:.2f} |"
            f" {1000 / pg if pg > 0 else float('inf'):,.0f}/s | {1000 / svc if svc > 0 else float('inf'):,.0f}/s |")
    sql.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
