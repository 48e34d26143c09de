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

-- The csrf pair: any value works as long as the cookie and the header carry the same one.
common.csrf = "benchcsrfbenchcsrfbenchcsrfbenchcsrfbench123"

return common
