// Measures the solver: `node frontend/src/pow/bench.mjs [difficulty] [runs]`. Not part of the page.
import { solve } from './solve.js';

const difficulty = Number(process.argv[2] ?? 17);
const runs = Number(process.argv[3] ?? 20);
let tries = 0;
const start = performance.now();
for (let i = 0; i < runs; i++) {
  const challenge = `v1.1764364000.${difficulty}.bench${i}AAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB`;
  tries += (await solve(challenge, difficulty)).tries;
}
const ms = performance.now() - start;
console.log(
  `difficulty ${difficulty}: ${(ms / runs).toFixed(0)} ms per solve on average over ${runs},` +
    ` ${(((tries / ms) * 1000) / 1e6).toFixed(2)} M hashes/s, ${(tries / runs).toFixed(0)} tries per solve`,
);
