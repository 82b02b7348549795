// Proof of work for a new sighting: find a nonce such that SHA-256(challenge + nonce) starts with
// `difficulty` zero bits, the rule the server checks (GET /api/pow/challenge).
//
// SHA-256 is computed here rather than with Web Crypto: crypto.subtle.digest costs a promise per
// hash, several times slower for tens of thousands of tiny messages. The challenge's whole 64-byte
// blocks are hashed once, and only the last block (the tail, the nonce, the padding) per try.
import { request } from '../ui/api.js';

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);
const INITIAL = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

/** Hashes one 64-byte block at `offset` of `bytes` into `state` (8 words). */
function compress(state, bytes, offset, w) {
  for (let i = 0; i < 16; i++) {
    const j = offset + i * 4;
    w[i] = (bytes[j] << 24) | (bytes[j + 1] << 16) | (bytes[j + 2] << 8) | bytes[j + 3];
  }
  for (let i = 16; i < 64; i++) {
    const a = w[i - 15];
    const b = w[i - 2];
    const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
    const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
    w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
  }
  let a = state[0];
  let b = state[1];
  let c = state[2];
  let d = state[3];
  let e = state[4];
  let f = state[5];
  let g = state[6];
  let h = state[7];
  for (let i = 0; i < 64; i++) {
    const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + s1 + ((e & f) ^ (~e & g)) + K[i] + w[i]) | 0;
    const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = (state[0] + a) | 0;
  state[1] = (state[1] + b) | 0;
  state[2] = (state[2] + c) | 0;
  state[3] = (state[3] + d) | 0;
  state[4] = (state[4] + e) | 0;
  state[5] = (state[5] + f) | 0;
  state[6] = (state[6] + g) | 0;
  state[7] = (state[7] + h) | 0;
}

/** Leading zero bits of a hash given as 8 big-endian 32-bit words. */
function zeroBits(state) {
  let bits = 0;
  for (let i = 0; i < 8; i++) {
    if (state[i] === 0) {
      bits += 32;
    } else {
      return bits + Math.clz32(state[i]);
    }
  }
  return bits;
}

/** A hasher of `prefix + suffix` whose whole blocks of prefix are hashed once. */
function prefixHasher(prefix) {
  const bytes = new TextEncoder().encode(prefix);
  const whole = bytes.length - (bytes.length % 64);
  const mid = new Int32Array(INITIAL);
  const w = new Int32Array(64);
  for (let offset = 0; offset < whole; offset += 64) {
    compress(mid, bytes, offset, w);
  }
  const tail = bytes.subarray(whole);
  const block = new Uint8Array(192);
  const state = new Int32Array(8);
  /** The hash state (8 words) of prefix + suffix, suffix being ASCII. */
  return (suffix) => {
    let n = tail.length;
    block.set(tail);
    for (let i = 0; i < suffix.length; i++) {
      block[n++] = suffix.charCodeAt(i);
    }
    const length = whole + n;
    block[n++] = 0x80;
    const end = n + 8 <= 64 ? 64 : n + 8 <= 128 ? 128 : 192;
    block.fill(0, n, end);
    const bitLength = length * 8;
    block[end - 4] = bitLength >>> 24;
    block[end - 3] = bitLength >>> 16;
    block[end - 2] = bitLength >>> 8;
    block[end - 1] = bitLength;
    block[end - 5] = Math.floor(bitLength / 2 ** 32);
    state.set(mid);
    for (let offset = 0; offset < end; offset += 64) {
      compress(state, block, offset, w);
    }
    return state;
  };
}

/** SHA-256 of a string's UTF-8 bytes, as 32 bytes. */
export function sha256(text) {
  const state = prefixHasher(text)('');
  const out = new Uint8Array(32);
  for (let i = 0; i < 8; i++) {
    out[i * 4] = state[i] >>> 24;
    out[i * 4 + 1] = state[i] >>> 16;
    out[i * 4 + 2] = state[i] >>> 8;
    out[i * 4 + 3] = state[i];
  }
  return out;
}

/** Whether `nonce` solves `challenge` at `difficulty`: the server's own rule. */
export function solves(challenge, nonce, difficulty) {
  return zeroBits(prefixHasher(challenge)(String(nonce))) >= difficulty;
}

/**
 * Finds a nonce (a decimal counter) for a challenge. Works in slices and yields between them so the
 * page stays responsive; `signal` (an AbortSignal) stops it. Resolves to the header value to send,
 * `<challenge>:<nonce>`, with the number of hashes tried.
 */
export async function solve(challenge, difficulty, { signal, sliceSize = 20000 } = {}) {
  const hash = prefixHasher(challenge);
  for (let nonce = 0; ;) {
    const stop = nonce + sliceSize;
    for (; nonce < stop; nonce++) {
      if (zeroBits(hash(String(nonce))) >= difficulty) {
        return { proof: `${challenge}:${nonce}`, nonce: String(nonce), tries: nonce + 1 };
      }
    }
    if (signal?.aborted) {
      throw signal.reason ?? new DOMException('Aborted', 'AbortError');
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/**
 * Fetches a challenge and solves it: the value of the X-Proof-Of-Work header. Without a challenge
 * it rejects with the client's ApiError or NetworkError.
 */
export async function proofOfWork({ fetchFn = globalThis.fetch, signal } = {}) {
  const { challenge, difficulty, header } = await request('/api/pow/challenge', {
    signal,
    cache: 'no-store',
    fetchImpl: fetchFn,
  });
  const { proof } = await solve(challenge, difficulty, { signal });
  return { header, value: proof };
}
