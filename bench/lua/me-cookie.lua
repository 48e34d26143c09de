package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")
setup = common.setup
local cookies, index

function init(args)
  cookies = common.lines("BENCH_COOKIES")
  index = (thread_id or 1) * 104729
end

function request()
  index = index + 1
  return wrk.format("GET", "/v1/auth/me", { ["Cookie"] = "ledger_session=" .. cookies[(index % #cookies) + 1] })
end
