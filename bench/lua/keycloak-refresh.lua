-- Keycloak's refresh grant. Like refresh.lua, each refresh token is used exactly once (Keycloak's
-- default would accept it again): a response's new token goes back into this thread's pool.
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")
setup = common.setup
local pool = {}

function init(args)
  pool = common.share("BENCH_REFRESH_TOKENS")
end

function request()
  local token = table.remove(pool, 1) or "exhausted-pool"
  return wrk.format("POST", "/realms/bench/protocol/openid-connect/token",
    { ["Content-Type"] = "application/x-www-form-urlencoded" },
    "grant_type=refresh_token&client_id=bench-app&refresh_token=" .. token)
end

function response(status, headers, body)
  local token = body and string.match(body, '"refresh_token":"([A-Za-z0-9_%-%.]+)"')
  if token then pool[#pool + 1] = token end
end
