-- Each refresh token is used exactly once: a response's new token goes back into this thread's pool.
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")
setup = common.setup
local pool = {}

function init(args)
  pool = common.share("BENCH_REFRESH_TOKENS")
end

function request()
  local token = table.remove(pool, 1) or "exhausted-pool-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
  return wrk.format("POST", "/v1/auth/native/refresh", { ["Content-Type"] = "application/json" },
    '{"refresh_token":"' .. token .. '"}')
end

function response(status, headers, body)
  local token = body and string.match(body, '"refresh_token":"([A-Za-z0-9_%-]+)"')
  if token then pool[#pool + 1] = token end
end
