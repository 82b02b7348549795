// The statistics page's data: the CSV researchers download, and what the charts draw.
import { describe, expect, test } from 'vitest';
import { CSV_HEADER, citiesCsv, csvField, csvFileName } from '../src/stats/csv.js';
import { citySeries, monthSeries, nextMonth } from '../src/stats/shape.js';
import { keysOf, pickLanguage, translator } from '../src/stats/messages.js';

const MONTPELLIER = {
  code: '2992166',
  name: 'Montpellier',
  cameras: 12,
  vsaSuspected: 3,
  vsaShare: 0.25,
  bySurveillanceType: { camera: 10, alpr: 2 },
  byCameraType: { fixed: 6, dome: 5, unknown: 1 },
};
const PARIS = {
  code: '2988507',
  name: 'Paris',
  cameras: 20,
  vsaSuspected: 0,
  vsaShare: 0,
  bySurveillanceType: { camera: 20 },
  byCameraType: { dome: 20 },
};

describe('the cities CSV', () => {
  test('leaves plain fields alone', () => {
    expect(csvField('Montpellier')).toBe('Montpellier');
    expect(csvField(12)).toBe('12');
    expect(csvField(0.25)).toBe('0.25');
    expect(csvField(null)).toBe('');
  });

  test('quotes commas, quotes, line breaks and edge spaces, doubling inner quotes', () => {
    expect(csvField('Saint-Denis, Seine')).toBe('"Saint-Denis, Seine"');
    expect(csvField('La "Comédie"')).toBe('"La ""Comédie"""');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
    expect(csvField(' Nîmes')).toBe('" Nîmes"');
    // A name a walker typed as a formula stays text in a spreadsheet; numbers stay numbers.
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-0.5)).toBe('-0.5');
  });

  test('has a header of API names then one row per city, every type column filled, CRLF ends', () => {
    const csv = citiesCsv([MONTPELLIER, PARIS]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(CSV_HEADER.join(','));
    expect(lines[0]).toBe(
      'code,name,cameras,vsaSuspected,vsaShare,surveillanceType_camera,surveillanceType_alpr,surveillanceType_guard,surveillanceType_other,cameraType_fixed,cameraType_dome,cameraType_panning,cameraType_unknown',
    );
    expect(lines[1]).toBe('2992166,Montpellier,12,3,0.25,10,2,0,0,6,5,0,1');
    expect(lines[2]).toBe('2988507,Paris,20,0,0,20,0,0,0,0,20,0,0');
    expect(lines[3]).toBe('');
    expect(lines).toHaveLength(4);
  });

  test('keeps a city name with a comma in one field', () => {
    const csv = citiesCsv([{ ...PARIS, name: 'Paris, 1er' }]);
    expect(csv.split('\r\n')[1].startsWith('2988507,"Paris, 1er",20,')).toBe(true);
  });

  test('is only a header when there is no city', () => {
    expect(citiesCsv([])).toBe(`${CSV_HEADER.join(',')}\r\n`);
  });

  test('is named by date and licence like the server exports', () => {
    expect(csvFileName(new Date('2026-11-28T22:00:00Z'))).toBe('technocarte-stats-cities-2026-11-28-ODbL-1.0.csv');
  });
});

describe('the charts data', () => {
  test('cameras per city: largest first, cut to the limit', () => {
    expect(citySeries([MONTPELLIER, PARIS])).toEqual({ labels: ['Paris', 'Montpellier'], values: [20, 12] });
    expect(citySeries([MONTPELLIER, PARIS], 1)).toEqual({ labels: ['Paris'], values: [20] });
    expect(citySeries([])).toEqual({ labels: [], values: [] });
  });

  test('months roll over the year', () => {
    expect(nextMonth('2025-12')).toBe('2026-01');
    expect(nextMonth('2026-09')).toBe('2026-10');
  });

  test('cameras per month: every month from first to last, an empty month as 0, in order', () => {
    const series = monthSeries([
      { month: '2026-02', count: 4 },
      { month: '2025-11', count: 1 },
      { month: '2025-12', count: 3 },
    ]);
    expect(series.labels).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(series.values).toEqual([1, 3, 0, 4]);
  });

  test('no month, no bar', () => {
    expect(monthSeries([])).toEqual({ labels: [], values: [], removed: [], net: [] });
    expect(monthSeries(undefined)).toEqual({ labels: [], values: [], removed: [], net: [] });
  });

  test('counts the cameras removed each month and the net growth', () => {
    const series = monthSeries(
      [
        { month: '2026-01', count: 5 },
        { month: '2026-03', count: 2 },
      ],
      [
        { month: '2026-03', count: 3 },
        { month: '2026-04', count: 1 },
      ],
    );
    expect(series.labels).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    expect(series.values).toEqual([5, 0, 2, 0]);
    expect(series.removed).toEqual([0, 0, 3, 1]);
    expect(series.net).toEqual([5, 0, -1, -1]);
  });
});

describe('the page words', () => {
  test('French by default, English when the browser prefers it', () => {
    expect(pickLanguage(['de-DE'])).toBe('fr');
    expect(pickLanguage(['en-GB', 'fr'])).toBe('en');
    expect(translator('en')('chart.citiesTop', { n: 12 })).toBe('Cameras per city (top 12)');
    expect(translator('fr')('col.city')).toBe('Ville');
  });

  test('every French string has its English one', () => {
    expect(keysOf('en').sort()).toEqual(keysOf('fr').sort());
  });
});
