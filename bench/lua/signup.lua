package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")
setup = common.setup
local counter = 0
local password = os.getenv("BENCH_PASSWORD")
local run = os.getenv("BENCH_RUN_ID") or "0"

function request()
  counter = counter + 1
  local email = "signup-" .. run .. "-" .. (thread_id or 1) .. "-" .. counter .. "@example.com"
  return wrk.format("POST", "/v1/auth/signup", {
    ["Content-Type"] = "application/json",
    ["X-CSRF-Token"] = common.csrf,
    ["Cookie"] = "ledger_csrf=" .. common.csrf,
  }, '{"email":"' .. email .. '","password":"' .. password .. '"}')
end
