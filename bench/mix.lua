-- wrk script: a mix of glossary requests, and a machine-readable summary.
--
-- The requests come from a file load.py writes (one request per line:
-- METHOD<TAB>PATH<TAB>CONTENT-TYPE<TAB>BODY; bodies are compact JSON, which
-- holds no raw tab or newline), so the mix follows whatever locales the
-- service serves. Usage:
--   wrk -s bench/mix.lua URL -- REQUESTS_FILE [MAX_REQUESTS_PER_THREAD]
-- A URL with no requests file (the hello-world baseline) just repeats it.

local requests = {}
local max_per_thread = 0
local threads = {}

local function split(line)
  local fields = {}
  for field in (line .. "\t"):gmatch("([^\t]*)\t") do
    fields[#fields + 1] = field
  end
  return fields
end

function setup(thread)
  thread:set("id", #threads)
  threads[#threads + 1] = thread
end

function init(args)
  max_per_thread = tonumber(args[2] or "0") or 0
  if args[1] and args[1] ~= "" then
    for line in io.lines(args[1]) do
      local f = split(line)
      local headers = {}
      local body = nil
      if f[3] ~= "" then
        headers["Content-Type"] = f[3]
        body = f[4]
      end
      requests[#requests + 1] = wrk.format(f[1], f[2], headers, body)
    end
  end
  -- Threads start at different places in the mix.
  counter = (id or 0) * 7
  done_count = 0
end

function request()
  if #requests == 0 then
    return wrk.format(nil, nil)
  end
  counter = counter + 1
  return requests[(counter % #requests) + 1]
end

function response(status, headers, body)
  done_count = done_count + 1
  if max_per_thread > 0 and done_count >= max_per_thread then
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests": %d, "duration_us": %d, "bytes": %d, '
      .. '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, '
      .. '"latency_us": {"p50": %d, "p90": %d, "p99": %d, "max": %d, "mean": %.1f}}\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max, latency.mean))
end
