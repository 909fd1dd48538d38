-- wrk script of the benchmark harness (bench/lib.sh, wrk_load): the request's method and body come
-- from the environment (WRK_METHOD, WRK_BODY_FILE; headers such as Authorization go on wrk's own
-- command line with -H), and at the end it prints one line in the format of the harness's other
-- load generators, including the CPU wrk itself spent (from /proc/self/stat, all of its threads).

wrk.method = os.getenv("WRK_METHOD") or "GET"
local body_file = os.getenv("WRK_BODY_FILE")
if body_file and body_file ~= "" then
  local f = assert(io.open(body_file, "rb"))
  wrk.body = f:read("*a")
  f:close()
end

-- utime + stime of this process in clock ticks (fields 14 and 15 of /proc/self/stat).
local function cpu_ticks()
  local f = io.open("/proc/self/stat", "r")
  if not f then return -1 end
  local stat = f:read("*a")
  f:close()
  local rest = stat:match("%) (.*)$")
  local fields = {}
  for v in rest:gmatch("%S+") do fields[#fields + 1] = v end
  -- rest starts at field 3 (state), so field n is fields[n - 2]
  return tonumber(fields[12]) + tonumber(fields[13])
end

function done(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "count=%d errors=%d seconds=%.2f rps=%.1f p50=%.3f p90=%.3f p99=%.3f max=%.3f wrk_ticks=%d\n",
    summary.requests, errors, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, cpu_ticks()))
end
