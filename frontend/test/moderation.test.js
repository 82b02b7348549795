import { describe, expect, test } from 'vitest';
import { pickLanguage, translator } from '../src/moderation/messages.js';
import { runImport } from '../src/moderation/import.js';

describe('moderation messages', () => {
  test('French by default, English when the browser asks, keys filled in', () => {
    expect(pickLanguage(['de-DE'])).toBe('fr');
    expect(pickLanguage(['en-GB', 'fr'])).toBe('en');
    expect(translator('en')('merged', { id: 3, target: 9 })).toBe('Sighting #3 merged into #9.');
    expect(translator('fr')('approve')).toBe('Approuver');
  });
});

describe('import progress', () => {
  test('follows the job until it is done and reports the counts', async () => {
    const states = [
      { id: 7, status: 'running', total: 4, processed: 2 },
      {
        id: 7,
        status: 'done',
        total: 4,
        processed: 4,
        report: { created: 2, confirmed: 1, flagged: 0, unchanged: 0, refused: [{ ref: 'x' }] },
      },
    ];
    const api = {
      post: async () => ({ id: 7, status: 'running', total: 4, processed: 0 }),
      get: async () => states.shift(),
    };
    const progress = { hidden: true, value: 0, max: 1 };
    const report = { textContent: '' };
    const seen = [];
    const job = await runImport(
      api,
      1,
      { text: async () => '{}' },
      {
        progress,
        report,
        t: translator('en'),
        pause: async () => seen.push(progress.value),
      },
    );
    expect(job.status).toBe('done');
    expect(seen).toEqual([0, 2]);
    expect(progress.value).toBe(4);
    expect(report.textContent).toBe('Import done: 2 new, 1 confirmed, 0 to review, 0 unchanged, 1 refused.');
  });
});
