-- /me while the projections are rebuilt: every answer must be one the control run got before the
-- rebuild (BENCH_CONTROL: token TAB body per line). wrk does not say which request an answer belongs
-- to, so an answer counts as right when it is one of the control answers: each carries its own
-- session_id, so a missing, stale or half-built model cannot produce one by accident.
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")
local threads = {}
local tokens, expected, index = {}, {}, 0
mismatches = 0

function setup(thread)
  common.setup(thread)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(os.getenv("BENCH_CONTROL")) do
    local token, body = string.match(line, "^(%S+)\t(.*)$")
    if token then
      tokens[#tokens + 1] = token
      expected[body] = true
    end
  end
  index = (thread_id or 1) * 7919
end

function request()
  index = index + 1
  return wrk.format("GET", "/v1/auth/me", { ["Authorization"] = "Bearer " .. tokens[(index % #tokens) + 1] })
end

function response(status, headers, body)
  if status ~= 200 or not expected[body] then
    mismatches = mismatches + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + (thread:get("mismatches") or 0)
  end
  io.write(string.format("answers differing from the control run: %d\n", total))
end
