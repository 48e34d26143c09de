#!/usr/bin/env python3
"""The client side of bench/cluster: drives three Identity Ledger instances that share one PostgreSQL
and prints six proofs with their figures, then a PASS/FAILED table (exit 1 when one failed).

Started by bench/cluster, which starts the instances; run alone it needs their base URLs:
  bench/cluster.py --a URL --b URL --c URL --jdbc JDBC_URL --pg-jar PG_JAR --jar SERVICE_JAR --work DIR --mail DIR [DIR...]
A's public base URL must be the one all three were started with (the tokens' issuer), and each
instance's abuse controls must trust 127.0.0.1 as a proxy.

Every request names its client address in X-Forwarded-For (the instances trust 127.0.0.1 as a proxy,
identity.abuse.trusted-proxies), so the abuse controls stay on with their default limits and each
simulated client has its own per-address buckets, as behind a load balancer.
"""
import argparse
import base64
import glob
import hashlib
import http.client
import json
import os
import random
import re
import secrets
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import Counter, defaultdict

PASSWORD = "the cluster bench has a long passphrase"
ADMIN_EMAIL = "admin@cluster.bench"
ADMIN_PASSWORD = "the cluster admin has a long passphrase"
CSRF = secrets.token_urlsafe(32)  # any well-formed value: the double submit compares cookie and header
STALE_LIMIT_MS = 50.0
RUN = secrets.token_hex(3)

results = []  # (number, title, passed, figures)


def log(message):
    print(f"[cluster] {message}", file=sys.stderr, flush=True)


def out(message=""):
    print(message, flush=True)


def percentile(values, fraction):
    """Nearest-rank percentile (p99 of 200 values is the 198th smallest)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, -(-int(round(fraction * 1000)) * len(ordered) // 1000))
    return ordered[min(rank, len(ordered)) - 1]


_address_counter = [0]
_address_lock = threading.Lock()


def fresh_ip():
    """A client address no other request of this run used (10.0.0.0/8, per run)."""
    with _address_lock:
        _address_counter[0] += 1
        n = _address_counter[0]
    return f"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}"


class Instance:
    def __init__(self, name, base):
        self.name = name
        self.base = base.rstrip("/")
        parsed = urllib.parse.urlparse(self.base)
        self.host, self.port = parsed.hostname, parsed.port

    def __repr__(self):
        return self.name


class Response:
    def __init__(self, status, headers, cookies, body):
        self.status = status
        self.headers = headers
        self.cookies = cookies
        self.body = body

    def json(self):
        try:
            return json.loads(self.body)
        except ValueError:
            return {}

    @property
    def code(self):
        return self.json().get("code") if self.status >= 400 else None


class UnknownOutcome(Exception):
    """The request may or may not have reached the service (no answer)."""


class Http:
    """Keep-alive connections, one per instance, for one thread. A connection idle for more than 5 s
    is replaced before use (Tomcat closes idle ones after 10 s), so a write is never sent on a
    connection the server may have dropped; a write that gets no answer is an unknown outcome."""

    def __init__(self):
        self.connections = {}
        self.last_used = {}

    def request(self, instance, method, path, body=None, headers=None, ip=None, timeout=30):
        send = {}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            send["Content-Type"] = "application/json"
        if ip:
            send["X-Forwarded-For"] = ip
        send.update(headers or {})
        for attempt in (0, 1):
            connection = self.connections.get(instance.name)
            if connection is None or time.monotonic() - self.last_used.get(instance.name, 0) > 5:
                if connection is not None:
                    connection.close()
                connection = http.client.HTTPConnection(instance.host, instance.port, timeout=timeout)
                self.connections[instance.name] = connection
            try:
                connection.request(method, path, body=data, headers=send)
                answer = connection.getresponse()
                payload = answer.read()
            except (http.client.HTTPException, OSError) as failure:
                connection.close()
                self.connections.pop(instance.name, None)
                if attempt == 0 and method == "GET":
                    continue
                raise UnknownOutcome(f"{method} {path} on {instance}: {failure!r}")
            self.last_used[instance.name] = time.monotonic()
            headers_out = {}
            cookies = {}
            for name, value in answer.getheaders():
                headers_out[name.lower()] = value
                if name.lower() == "set-cookie":
                    cookie_name, _, rest = value.partition("=")
                    cookie_value = rest.split(";", 1)[0]
                    cookies[cookie_name.strip()] = None if "Max-Age=0" in value else cookie_value
            return Response(answer.status, headers_out, cookies, payload)
        raise AssertionError("unreachable")

    def stream(self, instance, path, token):
        """A whole (NDJSON) answer on a connection of its own."""
        connection = http.client.HTTPConnection(instance.host, instance.port, timeout=120)
        try:
            connection.request("GET", path, headers={"Authorization": "Bearer " + token})
            answer = connection.getresponse()
            return answer.status, answer.read()
        finally:
            connection.close()


# --- the API, as a client uses it ---------------------------------------------------------------

def signup(http, instance, email, ip, password=PASSWORD):
    return http.request(instance, "POST", "/v1/auth/signup", {"email": email, "password": password}, ip=ip,
                        headers={"X-CSRF-Token": CSRF, "Cookie": "ledger_csrf=" + CSRF})


def native_login(http, instance, email, password=PASSWORD, ip=None, context=None):
    body = {"email": email, "password": password}
    if context:
        body["context"] = context
    return http.request(instance, "POST", "/v1/auth/native/login", body, ip=ip or fresh_ip())


def refresh(http, instance, token, ip=None):
    return http.request(instance, "POST", "/v1/auth/native/refresh", {"refresh_token": token}, ip=ip or fresh_ip())


def me_bearer(http, instance, access_token):
    return http.request(instance, "GET", "/v1/auth/me", headers={"Authorization": "Bearer " + access_token})


def native_logout(http, instance, access_token):
    return http.request(instance, "POST", "/v1/auth/native/logout", headers={"Authorization": "Bearer " + access_token})


class BrowserSession:
    """A signed-in browser: its session cookie and its (rotated) CSRF pair."""

    def __init__(self, session_id, cookie, csrf):
        self.session_id, self.cookie, self.csrf = session_id, cookie, csrf

    def headers(self, write=False):
        cookie = f"ledger_session={self.cookie}; ledger_csrf={self.csrf}"
        return {"Cookie": cookie, "X-CSRF-Token": self.csrf} if write else {"Cookie": cookie}


def browser_login(http, instance, email, ip=None):
    answer = http.request(instance, "POST", "/v1/auth/login", {"email": email, "password": PASSWORD}, ip=ip or fresh_ip(),
                          headers={"X-CSRF-Token": CSRF, "Cookie": "ledger_csrf=" + CSRF})
    session = None
    if answer.status == 200:
        session = BrowserSession(answer.json()["session"]["session_id"], answer.cookies.get("ledger_session"),
                                 answer.headers.get("x-csrf-token") or answer.cookies.get("ledger_csrf"))
    return answer, session


def me_cookie(http, instance, session):
    return http.request(instance, "GET", "/v1/auth/me", headers=session.headers())


def browser_logout(http, instance, session):
    return http.request(instance, "POST", "/v1/auth/logout", headers=session.headers(write=True))


# --- PostgreSQL, through the service's own JDBC driver (bench/java/Sql.java, one JVM for the run) ---

class Sql:
    def __init__(self, pg_jar, jdbc, root):
        self.process = subprocess.Popen(["java", "-cp", pg_jar, os.path.join(root, "bench/java/Sql.java"), jdbc],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
        self.lock = threading.Lock()

    def rows(self, statement):
        with self.lock:
            self.process.stdin.write(statement.replace("\n", " ") + "\n")
            self.process.stdin.flush()
            rows = []
            while True:
                line = self.process.stdout.readline()
                if line == "":
                    raise RuntimeError("the SQL helper ended")
                line = line.rstrip("\n")
                if line == "--":
                    break
                rows.append(line.split("\t"))
            if rows and rows[0][0] == "ERROR":
                raise RuntimeError(f"SQL failed: {statement}: {rows[0][1]}")
            return rows

    def one(self, statement):
        return self.rows(statement)[0]

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=10)


# --- setup --------------------------------------------------------------------------------------

def mail_token(mail_dirs, email, kind="verify-email", timeout=30):
    """The newest token of this kind mailed to this address; any instance's outbox may have sent it."""
    deadline = time.monotonic() + timeout
    pattern = re.compile(kind + r"\?token=([A-Za-z0-9_-]{43})")
    while time.monotonic() < deadline:
        for directory in mail_dirs:
            for path in sorted(glob.glob(os.path.join(directory, "*.eml"))):
                try:
                    text = open(path, encoding="utf-8", errors="replace").read()
                except OSError:
                    continue
                # quoted-printable may break long lines: undo soft breaks before searching
                text = text.replace("=\r\n", "").replace("=\n", "")
                if email in text:
                    found = pattern.findall(text)
                    if found:
                        return found[-1]
        time.sleep(0.2)
    raise RuntimeError(f"no {kind} mail for {email} within {timeout} s in {mail_dirs}")


def bootstrap_admin(http, a, mail_dirs):
    """identity.staff.bootstrap-admin-email: the account becomes admin when it verifies its email; it
    then grants itself auditor (as bench/ledger does)."""
    answer = signup(http, a, ADMIN_EMAIL, fresh_ip(), ADMIN_PASSWORD)
    if answer.status != 201:
        raise RuntimeError(f"admin signup: {answer.status} {answer.body[:300]!r}")
    token = mail_token(mail_dirs, ADMIN_EMAIL)
    answer = http.request(a, "POST", "/v1/auth/email/verify", {"token": token}, ip=fresh_ip(),
                          headers={"X-CSRF-Token": CSRF, "Cookie": "ledger_csrf=" + CSRF})
    if answer.status != 200:
        raise RuntimeError(f"admin verification: {answer.status} {answer.body[:300]!r}")
    answer = native_login(http, a, ADMIN_EMAIL, ADMIN_PASSWORD, context="staff")
    if answer.status != 200:
        raise RuntimeError(f"staff login: {answer.status} {answer.body[:300]!r}")
    token, ref = answer.json()["access_token"], answer.json()["account_ref"]
    answer = http.request(a, "POST", "/v1/admin/staff-grants", {"account_ref": ref, "role": "auditor"},
                          headers={"Authorization": "Bearer " + token})
    if answer.status != 201:
        raise RuntimeError(f"auditor grant: {answer.status} {answer.body[:300]!r}")
    return token


def make_account(http, instance, label):
    email = f"{label}-{RUN}@cluster.bench"
    answer = signup(http, instance, email, fresh_ip())
    if answer.status != 201:
        raise RuntimeError(f"signup {email}: {answer.status} {answer.body[:300]!r}")
    return email, answer.json()["account_ref"]


# --- proof 1: nothing lost or duplicated; one gap-free order for every consumer ------------------

class LoadRecord:
    def __init__(self):
        self.lock = threading.Lock()
        self.statuses = Counter()  # (operation, instance, status)
        self.unknown = Counter()  # operation -> requests without an answer
        self.accounts = {}  # account_ref -> email (signup answered 201)
        self.started = Counter()  # session_id -> logins answered 200
        self.refreshed = Counter()  # session_id -> refreshes answered 200
        self.logged_out = Counter()  # session_id -> logouts answered 204
        self.codes = Counter()  # (operation, status, problem code) of answers >= 500

    def status(self, operation, instance, answer):
        with self.lock:
            self.statuses[(operation, instance.name, answer.status)] += 1
            if answer.status >= 500:
                self.codes[(operation, answer.status, answer.code)] += 1


def load_worker(index, instances, deadline, record, errors):
    http = Http()
    rnd = random.Random(index * 7919 + 1)
    pick = lambda: rnd.choice(instances)  # noqa: E731
    account = 0
    try:
        while time.monotonic() < deadline:
            account += 1
            email = f"load-{RUN}-{index}-{account}@cluster.bench"
            instance = pick()
            try:
                answer = signup(http, instance, email, fresh_ip())
            except UnknownOutcome:
                record.unknown["signup"] += 1
                continue
            record.status("signup", instance, answer)
            if answer.status != 201:
                continue
            with record.lock:
                record.accounts[answer.json()["account_ref"]] = email
            for _cycle in range(2):
                if time.monotonic() >= deadline:
                    break
                # A native app: login, three refreshes, /me, logout, each on an instance of its own.
                instance = pick()
                try:
                    answer = native_login(http, instance, email)
                except UnknownOutcome:
                    record.unknown["native login"] += 1
                    continue
                record.status("native login", instance, answer)
                if answer.status == 200:
                    tokens = answer.json()
                    session_id = tokens["session_id"]
                    with record.lock:
                        record.started[session_id] += 1
                    live = True
                    for _ in range(3):
                        instance = pick()
                        try:
                            answer = refresh(http, instance, tokens["refresh_token"])
                        except UnknownOutcome:
                            record.unknown["refresh"] += 1
                            live = False
                            break
                        record.status("refresh", instance, answer)
                        if answer.status != 200:
                            live = False
                            break
                        tokens = answer.json()
                        with record.lock:
                            record.refreshed[session_id] += 1
                    if live:
                        instance = pick()
                        answer = me_bearer(http, instance, tokens["access_token"])
                        record.status("/me bearer", instance, answer)
                        instance = pick()
                        try:
                            answer = native_logout(http, instance, tokens["access_token"])
                        except UnknownOutcome:
                            record.unknown["native logout"] += 1
                            answer = None
                        if answer is not None:
                            record.status("native logout", instance, answer)
                            if answer.status == 204:
                                with record.lock:
                                    record.logged_out[session_id] += 1
                # A browser: login, /me, logout, each on an instance of its own.
                instance = pick()
                try:
                    answer, session = browser_login(http, instance, email)
                except UnknownOutcome:
                    record.unknown["browser login"] += 1
                    continue
                record.status("browser login", instance, answer)
                if session is None:
                    continue
                with record.lock:
                    record.started[session.session_id] += 1
                instance = pick()
                answer = me_cookie(http, instance, session)
                record.status("/me cookie", instance, answer)
                instance = pick()
                try:
                    answer = browser_logout(http, instance, session)
                except UnknownOutcome:
                    record.unknown["browser logout"] += 1
                    continue
                record.status("browser logout", instance, answer)
                if answer.status == 204:
                    with record.lock:
                        record.logged_out[session.session_id] += 1
    except Exception as failure:  # noqa: BLE001 - reported, and the proof fails
        errors.append(f"load worker {index}: {failure!r}")


class LiveConsumer(threading.Thread):
    """A streaming consumer of GET /v1/audit/export that tails the ledger during the load, resuming
    after the last position it holds, each poll on the next instance (A, B, C, A, ...)."""

    def __init__(self, instances, token):
        super().__init__(daemon=True)
        self.instances, self.token = instances, token
        self.lines = []
        self.polls = Counter()
        self.stop_flag = threading.Event()
        self.errors = []
        self.http = Http()

    def poll(self):
        instance = self.instances[sum(self.polls.values()) % len(self.instances)]
        after = self.lines[-1]["position"] if self.lines else 0
        status, body = self.http.stream(instance, f"/v1/audit/export?after={after}&limit=2000", self.token)
        self.polls[instance.name] += 1
        if status != 200:
            self.errors.append(f"export on {instance}: {status}")
            return 0
        batch = [json.loads(line) for line in body.splitlines() if line.strip()]
        self.lines.extend(batch)
        return len(batch)

    def run(self):
        while not self.stop_flag.is_set():
            try:
                self.poll()
            except Exception as failure:  # noqa: BLE001
                self.errors.append(repr(failure))
            self.stop_flag.wait(0.2)

    def drain(self):
        while self.poll() == 2000:
            pass


def wait_for_sealer(sql, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        head, tip = (int(value) for value in sql.one(
            "SELECT (SELECT coalesce(max(global_index), 0) FROM domain_event_entry), (SELECT coalesce(max(position), 0) FROM ledger_chain)"))
        if tip >= head:
            return head
        time.sleep(0.25)
    raise RuntimeError("the sealer did not reach the head of the event table within a minute")


def proof_ledger(instances, admin, sql, seconds, workers):
    a, b, c = instances
    out("## 1. No event lost or duplicated; one gap-free order for every consumer, from any instance")
    record = LoadRecord()
    errors = []
    consumer = LiveConsumer(instances, admin)
    events_before = int(sql.one("SELECT count(*) FROM domain_event_entry")[0])
    consumer.start()
    log(f"proof 1: mixed load for {seconds} s on {workers} clients over A, B and C, a consumer tailing the export")
    started = time.monotonic()
    deadline = started + seconds
    threads = [threading.Thread(target=load_worker, args=(index, instances, deadline, record, errors)) for index in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    head = wait_for_sealer(sql)
    consumer.stop_flag.set()
    consumer.join()
    consumer.drain()

    operations = ["signup", "native login", "refresh", "/me bearer", "native logout", "browser login", "/me cookie", "browser logout"]
    out(f"mixed load: {workers} clients, {elapsed:.1f} s, every request on a randomly chosen instance; abuse controls on")
    out(f"{'operation':<15} {'A':>6} {'B':>6} {'C':>6} {'success':>8} {'other answers':<28} {'no answer':>9}")
    total_requests = 0
    for operation in operations:
        per = {name: sum(n for (op, inst, _), n in record.statuses.items() if op == operation and inst == name) for name in "ABC"}
        ok_status = {"signup": 201, "native logout": 204, "browser logout": 204}.get(operation, 200)
        ok = sum(n for (op, _, status), n in record.statuses.items() if op == operation and status == ok_status)
        other = Counter()
        for (op, _, status), n in record.statuses.items():
            if op == operation and status != ok_status:
                other[status] += n
        total_requests += sum(per.values())
        other_text = ", ".join(f"{n} x {status}" for status, n in sorted(other.items())) or "-"
        out(f"{operation:<15} {per['A']:>6} {per['B']:>6} {per['C']:>6} {ok:>8} {other_text:<28} {record.unknown[operation]:>9}")
    out(f"requests: {total_requests} in {elapsed:.1f} s = {total_requests / elapsed:.0f}/s")

    # The ledger as a consumer reads it: the stored export (positions, seals) and the decoded events,
    # each read whole from A, B and C.
    http = Http()
    exports, decoded = {}, {}
    for instance in instances:
        status, body = http.stream(instance, "/v1/audit/export", admin)
        exports[instance.name] = body if status == 200 else b""
        status, body = http.stream(instance, "/v1/audit/events", admin)
        decoded[instance.name] = body if status == 200 else b""
    export_digests = {name: hashlib.sha256(body).hexdigest()[:16] for name, body in exports.items()}
    decoded_digests = {name: hashlib.sha256(body).hexdigest()[:16] for name, body in decoded.items()}
    lines = [json.loads(line) for line in exports["A"].splitlines() if line.strip()]
    events = [json.loads(line) for line in decoded["A"].splitlines() if line.strip()]
    positions = [line["position"] for line in lines]
    n = len(lines)

    # A consumer paging through the export in pages of 250, each page from the next instance.
    paged = []
    page = 0
    while True:
        instance = instances[page % 3]
        after = paged[-1]["position"] if paged else 0
        status, body = http.stream(instance, f"/v1/audit/export?after={after}&limit=250", admin)
        batch = [json.loads(line) for line in body.splitlines() if line.strip()]
        paged.extend(batch)
        page += 1
        if len(batch) < 250:
            break

    table = sql.one("SELECT count(*), count(DISTINCT event_identifier), coalesce(min(global_index), 0), coalesce(max(global_index), 0)"
                    " FROM domain_event_entry")
    table_count, table_distinct, table_min, table_max = (int(value) for value in table)
    chain_count, chain_max = (int(value) for value in sql.one("SELECT count(*), coalesce(max(position), 0) FROM ledger_chain"))
    drawn = int(sql.one("SELECT last_value FROM domain_event_entry_global_index_seq")[0])
    holes = [int(row[0]) for row in sql.rows(
        "SELECT g FROM generate_series(1, (SELECT max(global_index) FROM domain_event_entry)) g"
        " WHERE NOT EXISTS (SELECT 1 FROM domain_event_entry e WHERE e.global_index = g) ORDER BY g LIMIT 50")]
    hole_count = int(sql.one("SELECT (SELECT max(global_index) FROM domain_event_entry) - (SELECT count(*) FROM domain_event_entry)")[0])

    increasing = all(later > earlier for earlier, later in zip(positions, positions[1:]))
    repeats = n - len(set(positions))
    id_repeats = n - len({line["event_id"] for line in lines})
    linked = all(line["prev_hash"] == previous["hash"] for previous, line in zip(lines, lines[1:])) and (
        not lines or lines[0]["prev_hash"] == "0" * 64)
    contiguous = positions == list(range(1, n + 1))
    same_exports = len(set(export_digests.values())) == 1 and exports["A"] != b""
    same_decoded = len(set(decoded_digests.values())) == 1 and decoded["A"] != b""
    paged_same = [(line["position"], line["hash"]) for line in paged] == [(line["position"], line["hash"]) for line in lines]
    live = [(line["position"], line["hash"]) for line in consumer.lines]
    live_same = live == [(line["position"], line["hash"]) for line in lines]
    decoded_positions = [event["position"] for event in events]

    out()
    out(f"event table: {table_count} events ({table_count - events_before} written during the proof), {table_distinct} distinct"
        f" event ids, global_index {table_min}..{table_max}, sequence drawn up to {drawn}; ledger_chain: {chain_count} sealed up to {chain_max}")
    out(f"export (GET /v1/audit/export) from A, B, C: {n} lines each, sha256 {export_digests['A']} / {export_digests['B']} /"
        f" {export_digests['C']}: {'identical' if same_exports else 'DIFFERENT'}")
    out(f"decoded (GET /v1/audit/events) from A, B, C: {len(events)} lines each, sha256 {decoded_digests['A']} / {decoded_digests['B']} /"
        f" {decoded_digests['C']}: {'identical' if same_decoded else 'DIFFERENT'}")
    out(f"positions a consumer reads: {positions[0] if positions else '-'}..{positions[-1] if positions else '-'}, {n} of them:"
        f" {'1..N without a gap' if contiguous else f'{hole_count} positions missing'}, {repeats} repeated,"
        f" {'strictly increasing' if increasing else 'NOT increasing'}; {id_repeats} event ids twice;"
        f" hash chain {'linked (each prev_hash is the previous hash)' if linked else 'BROKEN'}")
    if hole_count:
        out(f"  positions never committed (sequence values drawn by transactions that rolled back; docs/API.md: 'a position"
            f" drawn by a transaction that rolled back never appears'): {holes}{' ...' if hole_count > len(holes) else ''}")
    out(f"export = event table: {'yes' if n == table_count and positions == decoded_positions and n == chain_count else 'NO'}"
        f" ({n} exported, {len(decoded_positions)} decoded, {table_count} stored, {chain_count} sealed)")
    out(f"a consumer paging 250 at a time, page k from instance k mod 3: {len(paged)} lines in {page} pages,"
        f" {'the same positions and hashes as the whole export' if paged_same else 'DIFFERENT from the whole export'}")
    out(f"a consumer tailing the export during the load (every 0.2 s, after=its last position, polls A/B/C"
        f" {consumer.polls['A']}/{consumer.polls['B']}/{consumer.polls['C']}): {len(live)} lines,"
        f" {'exactly the final export: nothing it passed was filled in later, nothing twice' if live_same else 'DIFFERENT from the final export'}"
        + (f"; errors: {consumer.errors[:3]}" if consumer.errors else ""))

    # What clients were told vs what the ledger holds, for this load's accounts.
    load_accounts = set(record.accounts)
    registered = Counter(e["payload"]["account_ref"] for e in events
                         if e["type"] == "AccountRegisteredEvent" and str(e["payload"].get("email", "")).startswith(f"load-{RUN}-"))
    ledger_accounts = set(registered)
    started = Counter(e["payload"]["session_id"] for e in events
                      if e["type"] == "SessionStartedEvent" and e["payload"]["account_ref"] in ledger_accounts)
    rotated = Counter(e["payload"]["session_id"] for e in events
                      if e["type"] == "RefreshTokenRotatedEvent" and e["payload"]["account_ref"] in ledger_accounts)
    generations = defaultdict(list)
    for e in events:
        if e["type"] == "RefreshTokenRotatedEvent" and e["payload"]["account_ref"] in ledger_accounts:
            generations[e["payload"]["session_id"]].append(e["payload"]["generation"])
    revoked = Counter((e["payload"]["session_id"], e["payload"]["reason"]) for e in events
                      if e["type"] == "SessionRevokedEvent" and e["payload"]["account_ref"] in ledger_accounts)
    logouts = Counter(session for (session, reason), count in revoked.items() if reason == "LOGOUT" for _ in range(count))
    other_revocations = Counter(reason for (session, reason), count in revoked.items() if reason != "LOGOUT")
    generation_gaps = sum(1 for values in generations.values() if sorted(values) != list(range(1, len(values) + 1)))

    def compare(label, told, held):
        lost = sum(max(0, told[key] - held.get(key, 0)) for key in told)
        duplicated = sum(max(0, held[key] - max(told.get(key, 0), 1)) for key in held if told.get(key, 0) > 0)
        unacknowledged = sum(held[key] for key in held if told.get(key, 0) == 0)
        out(f"{label:<38} {sum(told.values()):>8} {sum(held.values()):>8} {lost:>6} {duplicated:>11} {unacknowledged:>15}")
        return lost, duplicated, unacknowledged

    out()
    out(f"{'what clients were told succeeded':<38} {'told':>8} {'ledger':>8} {'lost':>6} {'duplicated':>11} {'unacknowledged':>15}")
    checks = [
        compare("signups (201) : AccountRegisteredEvent", Counter(load_accounts), registered),
        compare("logins (200) : SessionStartedEvent", record.started, started),
        compare("refreshes (200) : RefreshTokenRotatedEvent", record.refreshed, rotated),
        compare("logouts (204) : SessionRevokedEvent LOGOUT", record.logged_out, logouts),
    ]
    unknown = sum(record.unknown.values())
    out(f"requests without an answer (their outcome unknown to the client): {unknown}; refresh generations out of order: {generation_gaps};"
        f" other revocations of load sessions: {dict(other_revocations) or 'none'}")
    lost = sum(check[0] for check in checks)
    duplicated = sum(check[1] for check in checks)
    unacknowledged = sum(check[2] for check in checks)
    internal = sum(n for (op, _, status), n in record.statuses.items() if status >= 500 and status != 503)
    busy = sum(n for (op, _, status), n in record.statuses.items() if status == 503)
    if record.codes:
        out("answers >= 500: " + ", ".join(f"{op} {status} {code}: {n}" for (op, status, code), n in sorted(record.codes.items()))
            + ("  (503 SERVICE_UNAVAILABLE with Retry-After is the service shedding load; any other 5xx is a fault:"
               " see the instances' logs, summarised at the end)"))
    if hole_count:
        out(f"positions missing ({hole_count}) vs. write requests that failed with 5xx or got no answer"
            f" ({internal + busy + unknown}): each missing position is a value drawn by a transaction that rolled back")
    passed = (internal == 0 and lost == 0 and duplicated == 0 and unacknowledged <= unknown and not errors and same_exports and same_decoded
              and increasing and repeats == 0 and id_repeats == 0 and linked and paged_same and live_same
              and n == table_count == chain_count and table_distinct == table_count and generation_gaps == 0 and not other_revocations)
    for error in errors:
        out(f"  error: {error}")
    figures = (f"{total_requests} requests, {sum(record.started.values())} sessions, {sum(record.refreshed.values())} refreshes;"
               f" lost {lost}, duplicated {duplicated}; {n} positions {'1..N' if contiguous else f'with {hole_count} holes'},"
               f" 0 repeats, exports identical on A/B/C: {'yes' if same_exports else 'no'}; 500s: {internal}, 503s: {busy}")
    out(f"=> {'PASS' if passed else 'FAILED'}")
    out()
    results.append((1, "no event lost or duplicated; one gap-free order from any instance", passed, figures))


# --- proof 2: refresh-token reuse across instances ----------------------------------------------

def proof_reuse(instances, admin, rounds=6):
    out("## 2. A refresh token rotated on one instance and replayed on another is detected as reuse")
    http = Http()
    email, _ref = make_account(http, instances[0], "reuse")
    rows = []
    sessions = []
    # Two shapes, each instance in each role: (1) signed in and rotated on X, the spent token replayed on
    # Y; (2) signed in on X, rotated on Y, the spent token replayed on X, the instance that saw the session
    # before the rotation (whatever it kept in memory about the session is out of date).
    plans = []
    for index in range(rounds):
        x, y, z = instances[index % 3], instances[(index + 1) % 3], instances[(index + 2) % 3]
        plans.append((x, x, y, z) if index < rounds / 2 else (x, y, x, z))
    for login_on, rotate_on, replay_on, check_on in plans:
        login = native_login(http, login_on, email).json()
        me_bearer(http, login_on, login["access_token"])
        rotated = refresh(http, rotate_on, login["refresh_token"])
        replay = refresh(http, replay_on, login["refresh_token"])
        newest = refresh(http, check_on, rotated.json().get("refresh_token", ""))
        me_new = me_bearer(http, check_on, rotated.json().get("access_token", ""))
        me_old = me_bearer(http, check_on, login["access_token"])
        me_replay = me_bearer(http, replay_on, rotated.json().get("access_token", ""))
        good = (rotated.status == 200 and replay.status == 401 and replay.code == "REFRESH_TOKEN_REUSED"
                and newest.status == 401 and me_new.status == 401 and me_old.status == 401 and me_replay.status == 401)
        sessions.append(login["session_id"])
        rows.append((login_on, rotate_on, replay_on, check_on, rotated.status, f"{replay.status} {replay.code}",
                     f"{newest.status} {newest.code}", me_new.status, me_old.status, me_replay.status, good))
    out(f"{'login':<6} {'rotate':<7} {'replay':<7} {'check':<6} {'rotation':>8} {'replay of the spent token':<27} "
        f"{'newest refresh token':<27} {'/me new AT':>10} {'/me old AT':>10} {'/me on replay inst.':>19}")
    for login_on, rotate_on, replay_on, check_on, rotated, replay, newest, me_new, me_old, me_replay, good in rows:
        out(f"{login_on.name:<6} {rotate_on.name:<7} {replay_on.name:<7} {check_on.name:<6} {rotated:>8} {replay:<27} {newest:<27}"
            f" {me_new:>10} {me_old:>10} {me_replay:>19}{'' if good else '   <- FAILED'}")
    # The ledger records each revocation once, with its reason.
    status, body = http.stream(instances[1], "/v1/audit/events?type=SessionRevokedEvent", admin)
    reasons = Counter((e["payload"]["session_id"], e["payload"]["reason"]) for e in
                      (json.loads(line) for line in body.splitlines() if line.strip()) if e["payload"]["session_id"] in sessions)
    recorded = sum(1 for session in sessions if reasons.get((session, "REFRESH_TOKEN_REUSED")) == 1)
    others = sum(count for (session, reason), count in reasons.items() if reason != "REFRESH_TOKEN_REUSED")
    out(f"ledger: {recorded} of {len(plans)} sessions revoked exactly once with reason REFRESH_TOKEN_REUSED, {others} other revocations")
    good_rounds = sum(1 for row in rows if row[-1])
    passed = good_rounds == len(plans) and recorded == len(plans) and others == 0
    out(f"=> {'PASS' if passed else 'FAILED'}")
    out()
    results.append((2, "refresh reuse detected across instances, session revoked everywhere", passed,
                    f"{good_rounds}/{len(plans)} rounds: replay -> 401 REFRESH_TOKEN_REUSED, newest token and access tokens -> 401"
                    f" elsewhere; {recorded} REFRESH_TOKEN_REUSED revocations in the ledger"))


# --- proof 3: a logout on A is refused on B and C within 50 ms ---------------------------------

class Poller(threading.Thread):
    """Waits for the logout's answer, then asks /me on its instance back to back until it answers 401."""

    def __init__(self, instance, http, ask, go, t0, single=False, limit=5.0):
        super().__init__(daemon=True)
        self.instance, self.http, self.ask, self.go, self.t0 = instance, http, ask, go, t0
        self.single, self.limit = single, limit
        self.samples = []  # (sent ms, answered ms, status) relative to the logout's answer

    def run(self):
        self.go.wait()
        t0 = self.t0[0]
        while True:
            sent = time.perf_counter()
            status = self.ask(self.http, self.instance).status
            answered = time.perf_counter()
            self.samples.append(((sent - t0) * 1000, (answered - t0) * 1000, status))
            if self.single or status == 401 or answered - t0 > self.limit:
                return


def proof_logout(instances, rounds):
    a, b, c = instances
    out(f"## 3. A logout on A is refused on B and C within {STALE_LIMIT_MS:.0f} ms (and at once on A)")
    log(f"proof 3: {rounds} bearer and {rounds} cookie sessions: sign in on A, /me 200 on A, B, C, logout on A, poll B and C")
    http = Http()
    pollers_http = {name: Http() for name in ("A", "B", "C")}
    email, _ref = make_account(http, a, "logout")
    delays = {"bearer": {"B": [], "C": []}, "cookie": {"B": [], "C": []}}
    stale = {"bearer": [], "cookie": []}  # every 200 answered to a request sent after the logout's answer: (instance, sent ms)
    same_instance_violations = Counter()
    polls = Counter()
    warm_failures = 0
    never = Counter()
    round_trips = []
    for index in range(rounds * 2):
        kind = "bearer" if index % 2 == 0 else "cookie"
        if kind == "bearer":
            answer = native_login(http, a, email)
            if answer.status != 200:
                raise RuntimeError(f"login: {answer.status} {answer.body[:200]!r}")
            token = answer.json()["access_token"]
            ask = lambda h, inst, token=token: me_bearer(h, inst, token)  # noqa: E731
            logout = lambda token=token: native_logout(http, a, token)  # noqa: E731
        else:
            answer, session = browser_login(http, a, email)
            if session is None:
                raise RuntimeError(f"browser login: {answer.status} {answer.body[:200]!r}")
            ask = lambda h, inst, session=session: me_cookie(h, inst, session)  # noqa: E731
            logout = lambda session=session: browser_logout(http, a, session)  # noqa: E731
        # Each instance answers 200 first (with a per-instance cache, the session is now cached there).
        for instance in instances:
            deadline = time.monotonic() + 5
            while ask(pollers_http[instance.name], instance).status != 200:
                if time.monotonic() > deadline:
                    warm_failures += 1
                    break
                time.sleep(0.005)
        go = threading.Event()
        t0 = [0.0]
        same = Poller(a, pollers_http["A"], ask, go, t0, single=True)
        pollers = [Poller(instance, pollers_http[instance.name], ask, go, t0) for instance in (b, c)]
        for poller in [same] + pollers:
            poller.start()
        answer = logout()
        t0[0] = time.perf_counter()
        go.set()
        for poller in [same] + pollers:
            poller.join()
        if answer.status != 204:
            raise RuntimeError(f"logout on A: {answer.status} {answer.body[:200]!r}")
        if same.samples[0][2] != 401:
            same_instance_violations[kind] += 1
        for poller in pollers:
            polls[poller.instance.name] += len(poller.samples)
            first_401 = next((answered for sent, answered, status in poller.samples if status == 401), None)
            if first_401 is None:
                never[poller.instance.name] += 1
                delays[kind][poller.instance.name].append(float("inf"))
            else:
                delays[kind][poller.instance.name].append(first_401)
            stale[kind].extend((poller.instance.name, sent) for sent, answered, status in poller.samples if status == 200)
            round_trips.append([answered - sent for sent, answered, status in poller.samples])

    def row(label, values):
        return (f"{label:<22} {len(values):>6} {percentile(values, 0.5):>8.2f} {percentile(values, 0.9):>8.2f}"
                f" {percentile(values, 0.99):>8.2f} {max(values):>8.2f}")

    out(f"delay from the logout's answer on A to the first 401 on the instance, ms ({polls['B']} polls on B, {polls['C']} on C):")
    out(f"{'sessions, instance':<22} {'rounds':>6} {'p50':>8} {'p90':>8} {'p99':>8} {'max':>8}")
    everything = []
    for kind in ("bearer", "cookie"):
        for name in ("B", "C"):
            out(row(f"{kind}, {name}", delays[kind][name]))
            everything.extend(delays[kind][name])
    out(row("all", everything))
    trips = []
    for poller_samples in round_trips:
        trips.extend(poller_samples)
    out(f"/me round trip on B and C while polling (the floor of any delay measured here): p50 {percentile(trips, 0.5):.2f},"
        f" p99 {percentile(trips, 0.99):.2f}, max {max(trips):.2f} ms; 1-minute load average {os.getloadavg()[0]:.2f}"
        f" on {os.cpu_count()} cores")
    histogram = Counter()
    edges = [1, 2, 5, 10, 20, 50, 100, 1000]
    for value in everything:
        histogram[next((f"<= {edge} ms" for edge in edges if value <= edge), "> 1 s or never")] += 1
    out("distribution: " + ", ".join(f"{label}: {histogram[label]}" for label in [f"<= {e} ms" for e in edges] + ["> 1 s or never"]
                                     if histogram[label]))
    late = [(kind, name, sent) for kind in stale for name, sent in stale[kind] if sent > STALE_LIMIT_MS]
    any_stale = sum(len(values) for values in stale.values())
    out(f"200 answers to requests sent after the logout's answer: {any_stale}"
        + (f" (latest sent {max(sent for values in stale.values() for _, sent in values):.2f} ms after it)" if any_stale else ""))
    p99 = percentile(everything, 0.99)
    out(f"same instance (logout on A, then /me on A at once): {sum(same_instance_violations.values())} of {rounds * 2}"
        f" answered other than 401 (bearer {same_instance_violations['bearer']}, cookie {same_instance_violations['cookie']})")
    if warm_failures:
        out(f"sessions that never answered 200 on an instance before the logout: {warm_failures}")
    passed = p99 <= STALE_LIMIT_MS and not late and not sum(same_instance_violations.values()) and not never and not warm_failures
    if late:
        out("!" * 100)
        out(f"!!! FAILED: {len(late)} requests sent more than {STALE_LIMIT_MS:.0f} ms after the logout on A were still answered 200:")
        for kind, name, sent in late[:10]:
            out(f"!!!   {kind} session on {name}: request sent {sent:.1f} ms after the logout's answer -> 200")
        out("!" * 100)
    if p99 > STALE_LIMIT_MS:
        out(f"!!! FAILED: p99 {p99:.2f} ms > {STALE_LIMIT_MS:.0f} ms")
        if percentile(trips, 0.99) > STALE_LIMIT_MS / 2:
            out(f"    (a /me round trip alone took {percentile(trips, 0.99):.1f} ms at p99 here: the machine is too busy for this"
                f" figure to show the cache's delay; the 200s answered to requests sent after {STALE_LIMIT_MS:.0f} ms are the"
                f" measure that does not depend on it)")
    out(f"=> {'PASS' if passed else 'FAILED'} (target: p99 <= {STALE_LIMIT_MS:.0f} ms, no 200 later than {STALE_LIMIT_MS:.0f} ms, none on A)")
    out()
    results.append((3, f"logout on A refused on B and C within {STALE_LIMIT_MS:.0f} ms, at once on A", passed,
                    f"{len(everything)} samples ({rounds} bearer + {rounds} cookie sessions x B, C): p50 {percentile(everything, 0.5):.2f},"
                    f" p99 {p99:.2f}, max {max(everything):.2f} ms; late 200s {len(late)}; same-instance violations"
                    f" {sum(same_instance_violations.values())}"))


# --- proof 4: one login throttle for the cluster -------------------------------------------------

def proof_limits(instances):
    a = instances[0]
    out("## 4. Rate limits are shared: the cluster cuts off at the same count as one instance")
    http = Http()

    def run(label, attempts, email_of, ip_of, instance_of):
        statuses = []
        for attempt in range(attempts):
            answer = native_login(http, instance_of(attempt), email_of(attempt), "wrong password, long enough", ip=ip_of(attempt))
            statuses.append((instance_of(attempt).name, answer.status, answer.code))
        allowed = next((index for index, (_, status, _) in enumerate(statuses) if status == 429), attempts)
        after = statuses[allowed:]
        consistent = all(status == 429 for _, status, _ in after) and all(status == 401 for _, status, _ in statuses[:allowed])
        per_instance = Counter(name for name, status, _ in statuses[:allowed])
        return allowed, consistent, per_instance, statuses

    email_spread, _ = make_account(http, a, "throttle-spread")
    email_single, _ = make_account(http, a, "throttle-single")
    spread = run("spread", 15, lambda i: email_spread, lambda i: fresh_ip(), lambda i: instances[i % 3])
    single = run("single", 15, lambda i: email_single, lambda i: fresh_ip(), lambda i: a)
    ip_spread, ip_single = fresh_ip(), fresh_ip()
    ip_many = run("ip spread", 34, lambda i: f"nobody-{RUN}-s{i}@cluster.bench", lambda i: ip_spread, lambda i: instances[i % 3])
    ip_one = run("ip single", 34, lambda i: f"nobody-{RUN}-o{i}@cluster.bench", lambda i: ip_single, lambda i: a)
    out(f"{'limit':<58} {'attempts':>8} {'401 before the first 429':>25} {'consistent':>11}")
    rows = [
        ("login-failures-per-account, wrong passwords on A,B,C,A,...", spread),
        ("login-failures-per-account, wrong passwords all on A", single),
        ("login-per-ip, unknown emails from one address on A,B,C,...", ip_many),
        ("login-per-ip, unknown emails from one address all on A", ip_one),
    ]
    for label, (allowed, consistent, per_instance, statuses) in rows:
        where = " (" + ", ".join(f"{name} {count}" for name, count in sorted(per_instance.items())) + ")"
        out(f"{label:<58} {len(statuses):>8} {str(allowed) + where:>25} {'yes' if consistent else 'NO':>11}")
    passed = (spread[0] == single[0] and ip_many[0] == ip_one[0] and all(row[1][1] for row in rows)
              and 0 < single[0] < 15 and 0 < ip_one[0] < 34)
    out(f"(README: login-failures-per-account 10 then one per 40 s; login-per-ip 30 per 10 min; each attempt from its own"
        f" address in the first pair, from one address in the second)")
    out(f"=> {'PASS' if passed else 'FAILED'}")
    out()
    results.append((4, "rate limits shared: same cut-off spread over A/B/C as on one instance", passed,
                    f"per account: {spread[0]} spread vs {single[0]} on A; per address: {ip_many[0]} spread vs {ip_one[0]} on A"))


# --- proof 5: one set of signing keys -----------------------------------------------------------

def b64json(part):
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def proof_keys(instances):
    out("## 5. Signing keys are shared: a token from one instance verifies on the others; one JWKS")
    http = Http()
    bodies = {instance.name: http.request(instance, "GET", "/.well-known/jwks.json").body for instance in instances}
    kids = [key["kid"] for key in json.loads(bodies["A"])["keys"]]
    same_jwks = len(set(bodies.values())) == 1
    out(f"/.well-known/jwks.json on A, B, C: sha256 " + " / ".join(hashlib.sha256(bodies[n]).hexdigest()[:16] for n in "ABC")
        + f": {'identical' if same_jwks else 'DIFFERENT'}; keys {kids}")
    email, _ref = make_account(http, instances[0], "keys")
    ok = True
    out(f"{'signed by':<10} {'kid':<18} {'iss':<28} " + " ".join(f"{'/me on ' + i.name:>9}" for i in instances))
    for signer in instances:
        token = native_login(http, signer, email).json()["access_token"]
        header, claims = b64json(token.split(".")[0]), b64json(token.split(".")[1])
        statuses = [me_bearer(http, instance, token).status for instance in instances]
        ok &= all(status == 200 for status in statuses) and header["kid"] in kids
        out(f"{signer.name:<10} {header['kid']:<18} {claims['iss']:<28} " + " ".join(f"{status:>9}" for status in statuses))
    passed = ok and same_jwks
    out(f"=> {'PASS' if passed else 'FAILED'}")
    out()
    results.append((5, "signing keys shared: tokens verify on every instance, one JWKS", passed,
                    f"JWKS identical: {'yes' if same_jwks else 'no'} ({len(kids)} key); 9/9 cross-instance /me"
                    if ok else "a token was refused on another instance"))


# --- proof 6: projections and the chain head the same from every instance -------------------------

def proof_projections(instances, admin, sql, jar, work):
    out("## 6. Projection checksums and the ledger's chain head are the same whichever instance you ask")
    http = Http()
    auth = {"Authorization": "Bearer " + admin}
    wait_for_sealer(sql)
    lists = {i.name: http.request(i, "GET", "/v1/admin/projections", headers=auth).json() for i in instances}
    summary = {name: [(p["name"], p["status"], p["position"], p["head_position"], p["lag_events"]) for p in listed["projections"]]
               for name, listed in lists.items()}
    same_list = len({json.dumps(value) for value in summary.values()}) == 1
    out(f"GET /v1/admin/projections on A, B, C: {'identical' if same_list else 'DIFFERENT'}:"
        f" " + ", ".join(f"{name} {status} at {position}/{head}" for name, status, position, head, _ in summary["A"]))
    names = [p["name"] for p in lists["A"]["projections"]]
    out(f"each projection rebuilt once on each instance (the rebuild proves rebuilt = live at one position); its record read on all three:")
    out(f"{'projection':<16} {'rebuilt on':<10} {'state':<8} {'live checksum':<24} {'rebuilt checksum':<24} {'events/s':>9} {'record on A/B/C':>15}")
    ok = same_list
    checksums = defaultdict(set)
    for name in names:
        for instance in instances:
            started = http.request(instance, "POST", f"/v1/admin/projections/{name}/rebuild", headers=auth)
            if started.status != 202:
                out(f"{name:<16} {instance.name:<10} could not start: {started.status} {started.code}")
                ok = False
                continue
            deadline = time.monotonic() + 120
            while True:
                detail = http.request(instance, "GET", f"/v1/admin/projections/{name}", headers=auth).json()
                rebuild = detail.get("rebuild") or {}
                if rebuild.get("state") in ("swapped", "failed") or time.monotonic() > deadline:
                    break
                time.sleep(0.1)
            records = [json.dumps(http.request(other, "GET", f"/v1/admin/projections/{name}", headers=auth).json().get("rebuild"),
                                  sort_keys=True) for other in instances]
            same_record = len(set(records)) == 1
            good = rebuild.get("state") == "swapped" and rebuild.get("live_checksum") == rebuild.get("rebuilt_checksum") and same_record
            ok &= good
            checksums[name].add(rebuild.get("rebuilt_checksum"))
            out(f"{name:<16} {instance.name:<10} {str(rebuild.get('state')):<8} {str(rebuild.get('live_checksum')):<24}"
                f" {str(rebuild.get('rebuilt_checksum')):<24} {rebuild.get('events_per_second', 0):>9,.0f}"
                f" {'identical' if same_record else 'DIFFERENT':>15}{'' if good else '   <- FAILED ' + str(rebuild.get('reason'))}")
    differing = [name for name, values in checksums.items() if len(values) != 1]
    out(f"checksum of each projection the same in its three rebuilds (A, B, C): "
        f"{'yes' if not differing else 'NO: ' + ', '.join(differing)}")
    ok &= not differing

    # The chain head: the last sealed event as each instance exports it, and the latest signed checkpoint.
    head = wait_for_sealer(sql)
    # A checkpoint is signed every minute while the chain moves; the first may still be coming.
    deadline = time.monotonic() + 70
    while http.request(instances[0], "GET", "/v1/audit/checkpoints/latest", headers=auth).status == 404 and time.monotonic() < deadline:
        time.sleep(1)
    tails, checkpoints = {}, {}
    for instance in instances:
        status, body = http.stream(instance, f"/v1/audit/export?after={max(0, head - 1)}", admin)
        lines = [json.loads(line) for line in body.splitlines() if line.strip()]
        tails[instance.name] = (lines[-1]["position"], lines[-1]["hash"]) if lines else None
        answer = http.request(instance, "GET", "/v1/audit/checkpoints/latest", headers=auth)
        checkpoints[instance.name] = answer.body if answer.status == 200 else f"{answer.status}".encode()
    same_head = len(set(tails.values())) == 1 and tails["A"] is not None
    same_checkpoint = len(set(checkpoints.values())) == 1
    out(f"chain head (last line of GET /v1/audit/export) on A, B, C: " + " / ".join(
        f"{tails[n][0]}:{tails[n][1][:16]}" if tails[n] else "none" for n in "ABC") + f": {'identical' if same_head else 'DIFFERENT'}")
    checkpoint = json.loads(checkpoints["A"]) if checkpoints["A"].startswith(b"{") else None
    out(f"latest signed checkpoint (GET /v1/audit/checkpoints/latest) on A, B, C: "
        + (f"position {checkpoint['position']}, hash {checkpoint['hash'][:16]}, signed {checkpoint['signed_at']}" if checkpoint else
           checkpoints["A"].decode()) + f": {'identical' if same_checkpoint else 'DIFFERENT'}")
    # Offline verification of a whole export (from C) against that checkpoint and A's key set.
    status, export = http.stream(instances[2], "/v1/audit/export", admin)
    open(os.path.join(work, "export.ndjson"), "wb").write(export)
    open(os.path.join(work, "jwks.json"), "wb").write(http.request(instances[0], "GET", "/.well-known/jwks.json").body)
    command = ["java", "-jar", jar, "verify-ledger", "--export", os.path.join(work, "export.ndjson"), "--jwks",
               os.path.join(work, "jwks.json")]
    if checkpoint:
        open(os.path.join(work, "checkpoint.json"), "wb").write(checkpoints["A"])
        command[-2:-2] = ["--checkpoint", os.path.join(work, "checkpoint.json")]
    verified = subprocess.run(command, capture_output=True, text=True)
    verdict = (verified.stdout.strip().splitlines() or [verified.stderr.strip()[-300:]])[-1]
    out(f"verify-ledger on C's export with A's checkpoint and key set (offline): exit {verified.returncode}: {verdict}")
    ok &= same_head and same_checkpoint and verified.returncode == 0 and checkpoint is not None
    out(f"=> {'PASS' if ok else 'FAILED'}")
    out()
    results.append((6, "projection checksums and chain head identical on every instance", ok,
                    f"{len(names)} projections x 3 rebuilds, checksums {'equal' if not differing else 'DIFFERENT'};"
                    f" head {tails['A'][0] if tails['A'] else '-'} identical: {'yes' if same_head else 'no'};"
                    f" checkpoint {'at ' + str(checkpoint['position']) if checkpoint else 'none'}; verify-ledger exit {verified.returncode}"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--a", required=True)
    parser.add_argument("--b", required=True)
    parser.add_argument("--c", required=True)
    parser.add_argument("--jdbc", required=True)
    parser.add_argument("--pg-jar", required=True)
    parser.add_argument("--jar", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--mail", nargs="+", required=True)
    parser.add_argument("--load-seconds", type=float, default=45)
    parser.add_argument("--load-clients", type=int, default=8)
    parser.add_argument("--logout-rounds", type=int, default=100)
    args = parser.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    instances = [Instance("A", args.a), Instance("B", args.b), Instance("C", args.c)]
    sql = Sql(args.pg_jar, args.jdbc, root)
    http = Http()
    started = time.monotonic()
    log("bootstrapping an admin (identity.staff.bootstrap-admin-email) who is also auditor")
    admin = bootstrap_admin(http, instances[0], args.mail)
    steps = [
        (5, lambda: proof_keys(instances)),
        (1, lambda: proof_ledger(instances, admin, sql, args.load_seconds, args.load_clients)),
        (2, lambda: proof_reuse(instances, admin)),
        (3, lambda: proof_logout(instances, args.logout_rounds)),
        (4, lambda: proof_limits(instances)),
        (6, lambda: proof_projections(instances, admin, sql, args.jar, args.work)),
    ]
    for number, step in steps:
        try:
            step()
        except Exception as failure:  # noqa: BLE001 - one proof's crash is that proof's failure
            import traceback
            traceback.print_exc()
            out(f"=> FAILED with {failure!r}")
            out()
            if not any(result[0] == number for result in results):
                results.append((number, "(the proof ended with an error)", False, repr(failure)[:160]))
    sql.close()
    out(f"## Summary ({time.monotonic() - started:.0f} s of proofs; 1-minute load average now {os.getloadavg()[0]:.2f}"
        f" on {os.cpu_count()} cores)")
    out("| # | proof | result | figures |")
    out("| --- | --- | --- | --- |")
    for number, title, passed, figures in sorted(results):
        out(f"| {number} | {title} | {'PASS' if passed else 'FAILED'} | {figures} |")
    failed = [number for number, _, passed, _ in results if not passed]
    if failed:
        out()
        out(f"FAILED: proof {', '.join(map(str, sorted(failed)))}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
