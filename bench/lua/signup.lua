package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")
setup = common.setup
local counter = 0
local password = os.getenv("BENCH_PASSWORD")
local run = os.getenv("BENCH_RUN_ID") or "0"

function request()
  counter = counter + 1
  -- os.time() keeps the warm-up's and the measured run's addresses apart.
  local email = "signup-" .. run .. "-" .. os.time() .. "-" .. (thread_id or 1) .. "-" .. counter .. "@example.com"
  return wrk.format("POST", "/v1/auth/signup", {
    ["Content-Type"] = "application/json",
    ["X-CSRF-Token"] = common.csrf,
    ["Cookie"] = "ledger_csrf=" .. common.csrf,
  }, '{"email":"' .. email .. '","password":"' .. password .. '"}')
end
