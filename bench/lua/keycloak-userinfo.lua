-- Keycloak's userinfo endpoint with the access tokens of BENCH_KC_ACCESS_TOKENS (one per session).
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")
setup = common.setup
local tokens, index

function init(args)
  tokens = common.lines("BENCH_KC_ACCESS_TOKENS")
  index = (thread_id or 1) * 104729
end

function request()
  index = index + 1
  return wrk.format("GET", "/realms/bench/protocol/openid-connect/userinfo",
    { ["Authorization"] = "Bearer " .. tokens[(index % #tokens) + 1] })
end
