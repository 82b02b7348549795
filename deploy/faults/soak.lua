-- Mixed load for deploy/faults/soak.sh: map reads, tiles, statistics, OGC pages and walkers'
-- submissions (each with a fresh clientId), in fixed shares.
local counter = 0
local tiles = { "/tiles/sightings/5/16/11.mvt", "/tiles/sightings/12/2092/1495.mvt",
  "/tiles/sightings/14/8368/5982.mvt" }

local function uuid()
  return string.format("%08x-%04x-4%03x-a%03x-%012x", math.random(0, 0x7fffffff),
    math.random(0, 0xffff), math.random(0, 0xfff), math.random(0, 0xfff),
    math.random(0, 0xffffffffff))
end

local threads = {}

function setup(thread)
  thread:set("seed", math.random(1, 1000000))
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(seed)
  statuses = {}
end

-- Counts the answers that are not 2xx by status, to name them at the end.
response = function(status, headers, body)
  if status >= 300 then
    statuses[status] = (statuses[status] or 0) + 1
  end
end

request = function()
  counter = counter + 1
  local r = counter % 20
  if r == 0 then
    local lon = 3.86 + math.random() * 0.03
    local lat = 43.60 + math.random() * 0.02
    local body = string.format('{"type":"Feature","geometry":{"type":"Point","coordinates":[%.6f,%.6f]},'
      .. '"properties":{"surveillanceType":"camera","cameraType":"dome","mount":"wall","clientId":"%s"}}',
      lon, lat, uuid())
    return wrk.format("POST", "/api/sightings", { ["Content-Type"] = "application/geo+json" }, body)
  elseif r < 10 then
    local dx = math.random(0, 20) / 1000
    return wrk.format("GET", string.format("/api/sightings?bbox=%.3f,43.600,%.3f,43.615", 3.86 + dx, 3.875 + dx))
  elseif r < 16 then
    return wrk.format("GET", tiles[(counter % #tiles) + 1])
  elseif r < 18 then
    return wrk.format("GET", "/api/stats")
  else
    return wrk.format("GET", "/ogc/collections/sightings/items?limit=50")
  end
end

done = function(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + n
    end
  end
  for status, n in pairs(total) do
    io.write(string.format("status %d: %d answers\n", status, n))
  end
  io.write(string.format("latency p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
