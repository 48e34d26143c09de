package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")
setup = common.setup
local tokens, index

function init(args)
  tokens = common.lines("BENCH_BEARERS")
  index = (thread_id or 1) * 104729
end

function request()
  index = index + 1
  return wrk.format("GET", "/v1/auth/me", { ["Authorization"] = "Bearer " .. tokens[(index % #tokens) + 1] })
end
