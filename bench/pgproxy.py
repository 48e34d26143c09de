"""A counting relay for the PostgreSQL wire protocol (v3), for bench/dbcost: the service connects to
it instead of to PostgreSQL, and it forwards every byte unchanged while it counts, per transaction,
what the client asked for and what the server answered.

Counted from the client's messages: round trips (a Sync or simple Query sent while nothing else is
outstanding: the points where the client stops and waits for the server; Flush messages are counted
apart) and statements (each Execute of the extended protocol, each statement of a simple Query). From the server's: the statement's command tag
(CommandComplete: "INSERT 0 1", "UPDATE 2", "SELECT 1", "BEGIN", "COMMIT"), hence rows written, and
ReadyForQuery's transaction status ('I' idle, 'T' in a transaction, 'E' failed one), hence where
transactions begin and end: the statements between two idle states are one transaction (an
autocommit statement is one on its own). A round trip that runs no statement (an empty query, as
pgjdbc's Connection.isValid sends, or a bare Sync) is counted as a "validation".

PGPROXY_TRACE=FILE writes every transaction (connection number, class, round trips with the client's
message types per round trip, command tags, statements) and every statement-less round trip to FILE.

Each finished transaction is put in a class by what it ran, so the request path can be told from
the service's own timers without subtracting anything:
  sealing      it inserted into ledger_chain (the sealer chaining new events)
  background   a timer's work: the sealer finding nothing (pg_try_advisory_xact_lock), the mail outbox,
               the chain's checkpoints, signing-key rotation, purges, retention; or anything on a
               connection that LISTENs (the cache-invalidation listener)
  setup        connection start (SET ... from connection-init-sql) and Flyway
  request      everything else: what requests did
"""
import os
import socket
import struct
import threading
import time
from collections import Counter, deque

BACKGROUND_MARKERS = ("pg_try_advisory_xact_lock", "mail_outbox", "mail_dead_letter", "ledger_checkpoint", "signing_key",
                      "security_log WHERE at <", "FROM session_view WHERE NOT", "flyway_schema_history",
                      "rate_limit_bucket WHERE expires_at", "LISTEN ", "pg_notification_queue_usage",
                      # the chain's tip, read alone by the minute's checkpoint (the sealer reads it under its lock)
                      "SELECT position, hash FROM ledger_chain ORDER BY position DESC LIMIT 1")
WRITE_TAGS = ("INSERT", "UPDATE", "DELETE", "MERGE", "COPY")
CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "START TRANSACTION", "SAVEPOINT", "RELEASE")
CLASSES = ("request", "sealing", "background", "setup")
TRACE = open(os.environ["PGPROXY_TRACE"], "a") if os.environ.get("PGPROXY_TRACE") else None


def classify(texts, listener):
    if listener:
        return "background"
    if any("INSERT INTO ledger_chain" in text for text in texts):
        return "sealing"
    if any(marker in text for text in texts for marker in BACKGROUND_MARKERS):
        return "background"
    if texts and all(text.lstrip().upper().startswith(("SET ", "SHOW ", "SELECT VERSION", "BEGIN", "COMMIT")) for text in texts):
        return "setup"
    return "request"


class Totals:
    FIELDS = ("round_trips", "statements", "control", "transactions", "rollbacks", "rows_written", "validations", "flushes")

    def __init__(self):
        self.by_class = {name: Counter() for name in CLASSES}
        self.texts = {name: Counter() for name in CLASSES}

    def copy(self):
        other = Totals()
        for name in CLASSES:
            other.by_class[name] = Counter(self.by_class[name])
            other.texts[name] = Counter(self.texts[name])
        return other

    def minus(self, earlier):
        other = Totals()
        for name in CLASSES:
            other.by_class[name] = Counter({key: self.by_class[name][key] - earlier.by_class[name][key]
                                            for key in self.FIELDS})
            other.texts[name] = self.texts[name] - earlier.texts[name]
        return other


class Connection:
    def __init__(self, proxy, number):
        self.proxy, self.number = proxy, number
        self.lock = threading.Lock()
        self.prepared = {}  # statement name -> text
        self.portals = {}  # portal name -> text
        self.open_group = []  # texts of Executes not yet followed by a Sync
        self.groups = deque()  # per Sync or simple Query sent and not yet answered (ReadyForQuery): its statements' texts
        self.outstanding = 0  # Syncs and simple Queries sent and not yet answered
        self.cycle = []  # (text, tag) answered since the last ReadyForQuery
        self.cycle_round_trips = 0
        self.transaction = []  # (text, tag) of the open transaction
        self.transaction_round_trips = 0
        self.status = b"I"
        self.listener = False
        self.flights = []  # with PGPROXY_TRACE: the client's message types per round trip of the open transaction

    def _waits(self):
        """A Sync or simple Query: the client will wait for its ReadyForQuery. Only one sent while
        nothing else is outstanding starts a round trip; pgjdbc sends BEGIN as a simple Query in the
        same flight as the transaction's first statement, which waits once for both."""
        if self.outstanding == 0:
            self.cycle_round_trips += 1
        self.outstanding += 1

    # --- client -> server ---
    def client_message(self, kind, body):
        with self.lock:
            if TRACE:
                if not self.flights or (self.outstanding == 0 and self.flights[-1].endswith(("S", "Q"))):
                    self.flights.append("")
                self.flights[-1] += kind.decode("ascii", "replace")
            if kind == b"Q":
                text = body.split(b"\0", 1)[0].decode("utf-8", "replace")
                statements = [part for part in text.split(";") if part.strip()]
                self.groups.append(statements)
                self._waits()
                if "LISTEN " in text.upper():
                    self.listener = True
            elif kind == b"P":
                name, rest = body.split(b"\0", 1)
                text = rest.split(b"\0", 1)[0].decode("utf-8", "replace")
                self.prepared[name] = text
                if text.upper().startswith("LISTEN "):
                    self.listener = True
            elif kind == b"B":
                portal, rest = body.split(b"\0", 1)
                statement = rest.split(b"\0", 1)[0]
                self.portals[portal] = self.prepared.get(statement, "?")
            elif kind == b"E":
                portal = body.split(b"\0", 1)[0]
                self.open_group.append(self.portals.get(portal, "?"))
            elif kind == b"S":
                self.groups.append(self.open_group)
                self.open_group = []
                self._waits()
            elif kind == b"H":
                self.proxy.record_flush()

    # --- server -> client ---
    def server_message(self, kind, body):
        with self.lock:
            if kind in (b"C", b"I"):  # CommandComplete, EmptyQueryResponse
                group = self.groups[0] if self.groups else self.open_group
                text = group.pop(0) if group else "?"
                if kind == b"C":
                    self.cycle.append((text, body.split(b"\0", 1)[0].decode("ascii", "replace")))
            elif kind == b"Z":
                status = body[:1]
                if self.groups:
                    self.groups.popleft()  # what an error skipped is never answered
                self.outstanding = max(0, self.outstanding - 1)
                self.transaction.extend(self.cycle)
                self.transaction_round_trips += self.cycle_round_trips
                cycle_had_statements = bool(self.cycle)
                self.cycle = []
                self.cycle_round_trips = 0
                if status == b"I":
                    if self.status in (b"T", b"E") or cycle_had_statements:
                        self.finish(rolled_back=self.status == b"E")
                    elif self.transaction_round_trips:
                        self.proxy.record_validation(self.transaction_round_trips, self.flights,
                                                     "background" if self.listener else "request", self.number)
                        self.transaction, self.transaction_round_trips, self.flights = [], 0, []
                self.status = status

    def finish(self, rolled_back):
        statements = self.transaction
        texts = [text for text, _ in statements]
        tags = [tag for _, tag in statements]
        rolled_back = rolled_back or bool(tags and tags[-1].startswith("ROLLBACK"))
        self.proxy.record_transaction(classify(texts, self.listener), statements, self.transaction_round_trips, rolled_back,
                                      self.flights, self.number)
        self.transaction, self.transaction_round_trips, self.flights = [], 0, []


class CountingProxy:
    def __init__(self, listen_port, upstream_host, upstream_port):
        self.listen_port, self.upstream = listen_port, (upstream_host, upstream_port)
        self.lock = threading.Lock()
        self.totals = Totals()
        self.server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.server.bind(("127.0.0.1", listen_port))
        self.server.listen(64)
        self.connections = 0

    def start(self):
        threading.Thread(target=self.accept, daemon=True).start()

    def snapshot(self):
        with self.lock:
            return self.totals.copy()

    def record_transaction(self, klass, statements, round_trips, rolled_back, flights=(), number=0):
        if TRACE:
            with self.lock:
                TRACE.write(f"{time.time():.3f} connection {number} {klass} rt={round_trips} rb={rolled_back} flights={','.join(flights)} "
                            + " | ".join(f"{tag}: {text[:60]}" for text, tag in statements) + "\n")
                TRACE.flush()
        with self.lock:
            counts = self.totals.by_class[klass]
            counts["transactions"] += 1
            counts["rollbacks"] += 1 if rolled_back else 0
            if rolled_back:
                first = next((text for text, tag in statements if not tag.startswith(CONTROL)), "(nothing)")
                self.totals.texts[klass]["[a transaction that rolled back began with] " + " ".join(first.split())[:110]] += 1
            counts["round_trips"] += round_trips
            for text, tag in statements:
                word = tag.split(" ", 1)[0]
                if tag.startswith(CONTROL):
                    counts["control"] += 1
                else:
                    counts["statements"] += 1
                    self.totals.texts[klass][" ".join(text.split())[:160]] += 1
                if word in WRITE_TAGS:
                    counts["rows_written"] += int(tag.rsplit(" ", 1)[-1])

    def record_flush(self):
        with self.lock:
            self.totals.by_class["request"]["flushes"] += 1

    def record_validation(self, round_trips, flights=(), klass="request", number=0):
        """A round trip that ran no statement: an empty query (Connection.isValid) or a bare Sync."""
        if TRACE:
            with self.lock:
                TRACE.write(f"{time.time():.3f} connection {number} {klass} no statement rt={round_trips} flights={','.join(flights)}\n")
                TRACE.flush()
        with self.lock:
            self.totals.by_class[klass]["validations"] += 1
            self.totals.by_class[klass]["round_trips"] += round_trips

    def accept(self):
        while True:
            client, _ = self.server.accept()
            client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            upstream = socket.create_connection(self.upstream)
            upstream.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self.lock:
                self.connections += 1
                connection = Connection(self, self.connections)
            threading.Thread(target=self.pump, args=(client, upstream, connection, True), daemon=True).start()
            threading.Thread(target=self.pump, args=(upstream, client, connection, False), daemon=True).start()

    @staticmethod
    def pump(source, target, connection, from_client):
        """Forwards everything; parses whole messages out of a buffer. The client's first message is the
        untyped startup packet (or an SSL/GSS request, answered by one byte the server side then skips)."""
        buffer = b""
        startup = from_client
        try:
            while True:
                chunk = source.recv(65536)
                if not chunk:
                    break
                buffer += chunk
                messages = []
                while True:
                    if startup:
                        if len(buffer) < 4:
                            break
                        length = struct.unpack("!I", buffer[:4])[0]
                        if len(buffer) < length:
                            break
                        code = struct.unpack("!I", buffer[4:8])[0]
                        buffer = buffer[length:]
                        if code not in (80877103, 80877104):  # SSLRequest, GSSENCRequest: another startup follows
                            startup = False
                        continue
                    if len(buffer) < 5:
                        break
                    length = struct.unpack("!I", buffer[1:5])[0]
                    if len(buffer) < 1 + length:
                        break
                    messages.append((buffer[:1], buffer[5:1 + length]))
                    buffer = buffer[1 + length:]
                # Register what the client sent before it can be answered; parse answers before passing them on.
                for kind, body in messages:
                    if from_client:
                        connection.client_message(kind, body)
                    else:
                        connection.server_message(kind, body)
                target.sendall(chunk)
        except OSError:
            pass
        finally:
            for end in (source, target):
                try:
                    end.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
