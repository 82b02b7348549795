// Load for the fault scripts (Node 20, no dependency: fetch). Two modes:
//
//   node load.mjs submit --base URL --clients 20 --total 1000 [--deadline-s 300]
//     `total` walkers' submissions shared by `clients` concurrent clients; each one is resent with
//     the same clientId until the app answers 201 or 200 (a phone on a bad network does the same).
//     Prints one JSON line: {total, accepted, attempts, retries, unanswered}.
//
//   node load.mjs mixed --base URL --connections 50 --seconds 30 --log FILE [--timeout-s 30]
//     [--stop FILE] [--submit-share 0.1]
//     Map reads, tiles, statistics and submissions, without retry, until `seconds` pass or the
//     file `stop` exists. Each answer is one line of FILE: end time (ms since the epoch), status
//     (0: no answer), duration in ms, Retry-After (or -), problem+json (1/0), kind. Prints a JSON
//     summary line.
import { randomUUID } from "node:crypto";
import { appendFileSync, existsSync, writeFileSync } from "node:fs";

const args = process.argv.slice(2);
const mode = args[0];
const opt = (name, fallback) => {
  const i = args.indexOf("--" + name);
  return i > 0 ? args[i + 1] : fallback;
};
const base = opt("base", "http://127.0.0.1:18610");
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Around Montpellier's centre, where the demo and the scripts put their cameras.
function feature(clientId, n) {
  const lon = 3.86 + ((n * 7919) % 3000) / 100000;
  const lat = 43.6 + ((n * 104729) % 2000) / 100000;
  return JSON.stringify({
    type: "Feature",
    geometry: { type: "Point", coordinates: [lon, lat] },
    properties: { surveillanceType: "camera", cameraType: "dome", mount: "wall", clientId },
  });
}

async function post(body, timeoutMs) {
  return fetch(base + "/api/sightings", {
    method: "POST",
    headers: { "Content-Type": "application/geo+json" },
    body,
    signal: AbortSignal.timeout(timeoutMs),
  });
}

async function submit() {
  const clients = Number(opt("clients", 20));
  const total = Number(opt("total", 1000));
  const deadline = Date.now() + Number(opt("deadline-s", 300)) * 1000;
  let next = 0;
  let accepted = 0;
  let attempts = 0;
  let unanswered = 0;
  const refused = {};
  async function client() {
    for (let n = next++; n < total; n = next++) {
      const body = feature(randomUUID(), n);
      for (;;) {
        attempts++;
        try {
          const answer = await post(body, 15000);
          await answer.arrayBuffer();
          if (answer.status === 201 || answer.status === 200) {
            accepted++;
            break;
          }
          refused[answer.status] = (refused[answer.status] ?? 0) + 1;
        } catch {
          refused.none = (refused.none ?? 0) + 1;
          // No answer (the app is down or restarting): resend, as the phone would.
        }
        if (Date.now() > deadline) {
          unanswered++;
          break;
        }
        await sleep(200);
      }
    }
  }
  await Promise.all(Array.from({ length: clients }, client));
  console.log(
    JSON.stringify({ total, accepted, attempts, retries: attempts - total, unanswered, resentAfter: refused }),
  );
}

const MAP = "/api/sightings?bbox=3.86,43.60,3.89,43.62";
const TILES = ["/tiles/sightings/5/16/11.mvt", "/tiles/sightings/12/2092/1495.mvt"];

async function mixed() {
  const connections = Number(opt("connections", 50));
  const seconds = Number(opt("seconds", 30));
  const log = opt("log", "/dev/null");
  const stop = opt("stop", "");
  const timeoutMs = Number(opt("timeout-s", 30)) * 1000;
  const submitShare = Number(opt("submit-share", 0.1));
  const end = Date.now() + seconds * 1000;
  writeFileSync(log, "");
  const counts = {};
  let lines = [];
  let served = 0;
  const flush = () => {
    if (lines.length) appendFileSync(log, lines.join(""));
    lines = [];
  };
  async function one(i) {
    const r = (i * 0.6180339887) % 1;
    let kind, request;
    if (r < submitShare) {
      kind = "submit";
      request = () => post(feature(randomUUID(), i), timeoutMs);
    } else {
      const path =
        r < 0.55 ? MAP : r < 0.8 ? TILES[i % 2] : r < 0.9 ? "/api/stats" : "/ogc/collections/sightings/items?limit=20";
      kind = path.startsWith("/tiles") ? "tile" : path === MAP ? "map" : "read";
      request = () => fetch(base + path, { signal: AbortSignal.timeout(timeoutMs) });
    }
    const t0 = Date.now();
    let status = 0;
    let retryAfter = "-";
    let problem = 0;
    try {
      const answer = await request();
      await answer.arrayBuffer();
      status = answer.status;
      retryAfter = answer.headers.get("retry-after") ?? "-";
      problem = (answer.headers.get("content-type") ?? "").startsWith("application/problem+json") ? 1 : 0;
    } catch {
      status = 0;
    }
    const t1 = Date.now();
    counts[status] = (counts[status] ?? 0) + 1;
    served++;
    lines.push(`${t1} ${status} ${t1 - t0} ${retryAfter} ${problem} ${kind}\n`);
    if (lines.length > 500) flush();
  }
  let i = 0;
  async function connection() {
    while (Date.now() < end && !(stop && existsSync(stop))) {
      await one(i++);
    }
  }
  await Promise.all(Array.from({ length: connections }, connection));
  flush();
  console.log(JSON.stringify({ answers: served, byStatus: counts }));
}

if (mode === "submit") await submit();
else if (mode === "mixed") await mixed();
else {
  console.error("usage: node load.mjs submit|mixed [options]");
  process.exit(2);
}
