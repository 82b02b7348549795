-- Requests of deploy/bench/run.sh for wrk: `wrk … -s wrk.lua URL -- FILE MODE`. FILE holds one line
-- per request target (the viewports and tiles that pgbench reads from bench.viewport and bench.tile);
-- MODE is get (GET each line, drawn at random) or post (POST /api/sightings of a new camera at a
-- random point of a random viewport "lon0 lat0 lon1 lat1", each with a fresh clientId). At the end
-- prints one line: BENCH 2xx-answers/s p50_ms p99_ms non-2xx socket-errors.
local lines, mode = {}, "get"
local threads = {}

function setup(thread)
  thread:set("seed", math.random(1, 1000000000))
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(seed)
  mode = args[2] or "get"
  for line in io.lines(args[1]) do
    if line ~= "" then table.insert(lines, line) end
  end
end

local function uuid()
  return string.format("%08x-%04x-4%03x-a%03x-%012x", math.random(0, 0x7fffffff),
    math.random(0, 0xffff), math.random(0, 0xfff), math.random(0, 0xfff),
    math.random(0, 0xffffffffff))
end

request = function()
  local line = lines[math.random(1, #lines)]
  if mode == "post" then
    local x0, y0, x1, y1 = line:match("(%S+) (%S+) (%S+) (%S+)")
    local lon = x0 + (x1 - x0) * math.random()
    local lat = y0 + (y1 - y0) * math.random()
    local body = string.format('{"type":"Feature","geometry":{"type":"Point","coordinates":[%.6f,%.6f]},'
      .. '"properties":{"surveillanceType":"camera","cameraType":"dome","mount":"wall","clientId":"%s"}}',
      lon, lat, uuid())
    return wrk.format("POST", "/api/sightings", { ["Content-Type"] = "application/geo+json" }, body)
  end
  return wrk.format("GET", line)
end

done = function(summary, latency, requests)
  local e = summary.errors
  -- Only the answers in 2xx count in the rate: a 503 after a statement timeout is no tile.
  io.write(string.format("BENCH %.1f %.2f %.2f %d %d\n", (summary.requests - e.status) / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, e.status,
    e.connect + e.read + e.write + e.timeout))
end
