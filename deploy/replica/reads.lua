-- Public reads for wrk (deploy/replica/demo.sh): the map around Montpellier, tiles, statistics,
-- OGC pages. Every one of them may come from the read replica.
local counter = 0
local paths = {
  "/api/sightings?bbox=3.860,43.600,3.875,43.615",
  "/api/sightings?bbox=3.870,43.605,3.885,43.620",
  "/tiles/sightings/12/2092/1495.mvt",
  "/tiles/sightings/14/8368/5982.mvt",
  "/api/sightings/nearby?lon=3.8797&lat=43.6085&radius=100",
  "/api/stats",
  "/ogc/collections/sightings/items?limit=50",
  "/api/cities/2992166",
}

request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
