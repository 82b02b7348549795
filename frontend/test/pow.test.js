import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { proofOfWork, sha256, solve, solves } from '../src/pow/solve.js';

/** The server's rule, written independently with Node's own SHA-256. */
function leadingZeroBits(challenge, nonce) {
  const hash = createHash('sha256')
    .update(challenge + nonce, 'utf8')
    .digest();
  let bits = 0;
  for (const byte of hash) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

const CHALLENGE = 'v1.1764364000.12.q4Wn0cQdF3m9QkZl1xY2bA.Zk3d9sQ1mS0pLr7tVx2yA4bC6dE8fG0hJ2kL4mN6pQ8';

describe('proof of work solver', () => {
  it('hashes like SHA-256 across block boundaries', () => {
    for (const text of ['', 'abc', 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(64), CHALLENGE + '1234567', 'é✓']) {
      expect(Buffer.from(sha256(text)).toString('hex')).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });

  it('finds a nonce that meets the difficulty by the server rule', async () => {
    const { proof, nonce } = await solve(CHALLENGE, 12);
    expect(proof).toBe(`${CHALLENGE}:${nonce}`);
    expect(leadingZeroBits(CHALLENGE, nonce)).toBeGreaterThanOrEqual(12);
    expect(solves(CHALLENGE, nonce, 12)).toBe(true);
  });

  it('says no to a nonce that does not meet it', () => {
    const weak = [...Array(200).keys()].find((n) => leadingZeroBits(CHALLENGE, String(n)) < 4);
    expect(solves(CHALLENGE, String(weak), 4)).toBe(false);
  });

  it('solves at difficulty 0 on the first try', async () => {
    expect((await solve(CHALLENGE, 0)).tries).toBe(1);
  });

  it('stops when aborted', async () => {
    const stop = new AbortController();
    stop.abort();
    await expect(solve(CHALLENGE, 64, { signal: stop.signal, sliceSize: 10 })).rejects.toBeDefined();
  });

  it('fetches a challenge and answers the header to send', async () => {
    const fetchFn = async () =>
      new Response(JSON.stringify({ challenge: CHALLENGE, difficulty: 8, header: 'X-Proof-Of-Work' }));
    const { header, value } = await proofOfWork({ fetchFn });
    expect(header).toBe('X-Proof-Of-Work');
    const nonce = value.slice(CHALLENGE.length + 1);
    expect(leadingZeroBits(CHALLENGE, nonce)).toBeGreaterThanOrEqual(8);
  });
});
