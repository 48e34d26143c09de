-- Shared helpers for the bench scenarios: lines from a file named by an environment variable,
-- split between wrk threads by the id that setup() hands each thread.
local common = {}
local counter = 0

function common.setup(thread)
  counter = counter + 1
  thread:set("thread_id", counter)
end

function common.lines(variable)
  local path = os.getenv(variable)
  local items = {}
  for line in io.lines(path) do
    if #line > 0 then items[#items + 1] = line end
  end
  return items
end

-- This thread's share of the lines of a file (every BENCH_THREADS-th line, from its own id on).
function common.share(variable)
  local all = common.lines(variable)
  local threads = tonumber(os.getenv("BENCH_THREADS") or "2")
  local share = {}
  for i = thread_id or 1, #all, threads do
    share[#share + 1] = all[i]
  end
  return share
end

-- The csrf pair: any value works as long as the cookie and the header carry the same one.
common.csrf = "benchcsrfbenchcsrfbenchcsrfbenchcsrfbench123"

return common
