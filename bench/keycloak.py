"""The Keycloak side of `bench/run --compare-keycloak` (see bench/keycloak): the bench realm, its public
client and its users through Keycloak's admin REST API, and tokens for the refresh and userinfo scenarios.
Standard library only.

  keycloak.py setup  BASE ADMIN ADMIN_PASSWORD USERS PASSWORD ACCESS_TOKEN_LIFESPAN SUMMARY_JSON
  keycloak.py tokens BASE USERS PASSWORD LOGINS ACCESS_TOKENS_FILE REFRESH_FILE...

Users are bench-user-0001 .. bench-user-USERS (bench-user-0001@example.com), all with PASSWORD.
`tokens` signs users in LOGINS times (password grant, a new session each), writes every access token to
ACCESS_TOKENS_FILE and deals the refresh tokens out to the REFRESH_FILEs in equal contiguous shares.
"""
import concurrent.futures
import http.client
import json
import sys
import threading
import time
import urllib.parse

REALM = "bench"
CLIENT = "bench-app"
THREADS = 4


class Http:
    """One keep-alive connection per thread."""

    def __init__(self, base):
        parsed = urllib.parse.urlsplit(base)
        self.host, self.port = parsed.hostname, parsed.port
        self.local = threading.local()

    def request(self, method, path, body=None, headers=None, form=None):
        headers = dict(headers or {})
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        elif body is not None:
            body = json.dumps(body)
            headers["Content-Type"] = "application/json"
        for attempt in range(3):
            connection = getattr(self.local, "connection", None)
            if connection is None:
                connection = self.local.connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
            try:
                connection.request(method, path, body=body, headers=headers)
                answer = connection.getresponse()
                return answer.status, answer, answer.read()
            except (http.client.HTTPException, OSError):
                connection.close()
                self.local.connection = None
                if attempt == 2:
                    raise


def username(index):
    return f"bench-user-{index:04d}"


def fail(message):
    print(f"keycloak.py: {message}", file=sys.stderr)
    sys.exit(1)


class Admin:
    """The admin API with the bootstrap admin's token, fetched again before it expires (master's 60 s)."""

    def __init__(self, http, user, password):
        self.http, self.user, self.password = http, user, password
        self.lock = threading.Lock()
        self.token, self.fetched = None, 0.0

    def headers(self):
        with self.lock:
            if self.token is None or time.monotonic() - self.fetched > 30:
                status, _, body = self.http.request("POST", "/realms/master/protocol/openid-connect/token", form={
                    "grant_type": "password", "client_id": "admin-cli", "username": self.user, "password": self.password})
                if status != 200:
                    fail(f"admin token: HTTP {status} {body[:300]!r}")
                self.token, self.fetched = json.loads(body)["access_token"], time.monotonic()
            return {"Authorization": "Bearer " + self.token}

    def call(self, method, path, body=None, expect=(200, 201, 204)):
        status, answer, content = self.http.request(method, "/admin/realms" + path, body=body, headers=self.headers())
        if status not in expect:
            fail(f"{method} /admin/realms{path}: HTTP {status} {content[:300]!r}")
        return answer, (json.loads(content) if content else None)


def setup(base, admin_user, admin_password, users, password, lifespan, summary_path):
    started = time.monotonic()
    http = Http(base)
    admin = Admin(http, admin_user, admin_password)
    # Everything else at Keycloak's defaults; access tokens live long enough not to expire mid-run.
    admin.call("POST", "", {"realm": REALM, "enabled": True, "accessTokenLifespan": int(lifespan)})
    admin.call("POST", f"/{REALM}/clients", {"clientId": CLIENT, "publicClient": True, "directAccessGrantsEnabled": True})

    def create(index):
        name = username(index)
        answer, _ = admin.call("POST", f"/{REALM}/users", {
            "username": name, "email": f"{name}@example.com", "firstName": "Bench", "lastName": f"User {index:04d}",
            "enabled": True, "emailVerified": True, "requiredActions": []})
        user_id = answer.getheader("Location").rstrip("/").rsplit("/", 1)[1]
        admin.call("PUT", f"/{REALM}/users/{user_id}/reset-password",
                   {"type": "password", "value": password, "temporary": False})
        return user_id

    with concurrent.futures.ThreadPoolExecutor(THREADS) as pool:
        ids = list(pool.map(create, range(1, int(users) + 1)))
    created = time.monotonic()
    _, realm = admin.call("GET", f"/{REALM}")
    _, credentials = admin.call("GET", f"/{REALM}/users/{ids[0]}/credentials")
    data = json.loads(credentials[0].get("credentialData") or "{}")
    extra = {key: (value[0] if isinstance(value, list) and len(value) == 1 else value)
             for key, value in (data.get("additionalParameters") or {}).items()}
    hashing = f"{data.get('algorithm')}, {data.get('hashIterations')} iterations" + "".join(
        f", {key} {value}" for key, value in sorted(extra.items()))
    summary = {
        "password_policy": realm.get("passwordPolicy") or "",
        "stored_hash": hashing,
        "access_token_lifespan_s": realm.get("accessTokenLifespan"),
        "sso_session_idle_timeout_s": realm.get("ssoSessionIdleTimeout"),
        "revoke_refresh_token": realm.get("revokeRefreshToken"),
        "brute_force_protected": realm.get("bruteForceProtected"),
        "users": len(ids),
        "users_seconds": round(created - started, 1),
    }
    json.dump(summary, open(summary_path, "w"))
    print(f"realm {REALM}: password policy {summary['password_policy'] or '(empty: Keycloak default)'};"
          f" {username(1)}'s stored hash: {hashing}; accessTokenLifespan {summary['access_token_lifespan_s']} s,"
          f" ssoSessionIdleTimeout {summary['sso_session_idle_timeout_s']} s, revokeRefreshToken"
          f" {summary['revoke_refresh_token']}, bruteForceProtected {summary['brute_force_protected']};"
          f" {len(ids)} users created in {created - started:.1f} s")


def tokens(base, users, password, logins, access_path, refresh_paths):
    http = Http(base)
    users, logins = int(users), int(logins)

    def login(index):
        status, _, body = http.request("POST", f"/realms/{REALM}/protocol/openid-connect/token", form={
            "grant_type": "password", "client_id": CLIENT, "username": username(index % users + 1),
            "password": password, "scope": "openid"})
        if status != 200:
            fail(f"password grant for {username(index % users + 1)}: HTTP {status} {body[:300]!r}")
        answer = json.loads(body)
        return answer["access_token"], answer["refresh_token"]

    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(THREADS) as pool:
        pairs = list(pool.map(login, range(logins)))
    open(access_path, "w").write("\n".join(access for access, _ in pairs) + "\n")
    share = len(pairs) // len(refresh_paths)
    for index, path in enumerate(refresh_paths):
        open(path, "w").write("\n".join(refresh for _, refresh in pairs[index * share:(index + 1) * share]) + "\n")
    print(f"{logins} password grants in {time.monotonic() - started:.1f} s: {logins} access tokens,"
          f" {share} refresh tokens in each of {len(refresh_paths)} files")


if __name__ == "__main__":
    command, arguments = sys.argv[1], sys.argv[2:]
    if command == "setup":
        setup(*arguments)
    elif command == "tokens":
        tokens(*arguments[:5], arguments[5:])
    else:
        fail(f"unknown command {command}")
