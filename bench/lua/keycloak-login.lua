-- Keycloak's password grant (a new session each), cycling bench-user-0001 .. bench-user-$BENCH_KC_USERS.
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")
setup = common.setup
local users = tonumber(os.getenv("BENCH_KC_USERS") or "1000")
local password, index

local function form(value)
  return (string.gsub(value, "[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  password = form(os.getenv("BENCH_PASSWORD"))
  index = (thread_id or 1) * 7919
end

function request()
  index = index + 1
  local user = string.format("bench-user-%04d", (index % users) + 1)
  return wrk.format("POST", "/realms/bench/protocol/openid-connect/token",
    { ["Content-Type"] = "application/x-www-form-urlencoded" },
    "grant_type=password&client_id=bench-app&scope=openid&username=" .. user .. "&password=" .. password)
end
