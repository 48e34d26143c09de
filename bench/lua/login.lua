package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")
setup = common.setup
local emails, index
local password = os.getenv("BENCH_PASSWORD")
local path = os.getenv("BENCH_LOGIN_PATH") or "/v1/auth/login"

function init(args)
  emails = common.lines("BENCH_EMAILS")
  index = (thread_id or 1) * 7919
end

function request()
  index = index + 1
  local email = emails[(index % #emails) + 1]
  local body = '{"email":"' .. email .. '","password":"' .. password .. '"}'
  return wrk.format("POST", path, {
    ["Content-Type"] = "application/json",
    ["X-CSRF-Token"] = common.csrf,
    ["Cookie"] = "ledger_csrf=" .. common.csrf,
  }, body)
end
