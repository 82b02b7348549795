import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { ENTRIES, formChoices, PAGE } from '../src/guide/content.js';
import * as fields from '../src/sighting/fields.js';
import { translator } from '../src/i18n/index.js';

const VALUES = {
  surveillanceType: fields.SURVEILLANCE_TYPES,
  cameraType: fields.CAMERA_TYPES,
  mount: fields.MOUNTS,
  zone: fields.ZONES,
  operatorType: fields.OPERATOR_TYPES,
};

describe('the look-alike guide', () => {
  test('has the four kinds of camera and the five look-alikes the issue names', () => {
    expect(ENTRIES.filter((e) => !e.lookAlike).map((e) => e.id)).toEqual(['fixed', 'dome', 'panning', 'alpr']);
    expect(ENTRIES.filter((e) => e.lookAlike).map((e) => e.id)).toEqual([
      'speed',
      'redlight',
      'counter',
      'pir',
      'doorbell',
    ]);
  });

  test('tells to choose only values the add form has', () => {
    for (const entry of ENTRIES.filter((e) => e.form)) {
      for (const [field, value] of Object.entries(entry.form)) {
        expect(VALUES[field], `${entry.id}: ${field}`).toContain(value);
      }
    }
  });

  test('speaks French and English alike, with a drawing of its own for each entry', () => {
    for (const entry of ENTRIES) {
      for (const language of ['fr', 'en']) {
        expect(entry[language].title, `${entry.id} ${language}`).toBeTruthy();
        expect(entry[language].look.length).toBeGreaterThan(0);
        expect(entry[language].confuse).toBeTruthy();
      }
      expect(entry.en.look.length).toBe(entry.fr.look.length);
      expect(Boolean(entry.en.choose)).toBe(Boolean(entry.fr.choose));
      const svg = readFileSync(new URL(`../src/guide/drawings/${entry.id}.svg`, import.meta.url), 'utf8');
      expect(svg).toMatch(/^<svg [^>]*aria-hidden="true"/);
      expect(svg).not.toMatch(/href|<script|<image/);
    }
    expect(Object.keys(PAGE.en).sort()).toEqual(Object.keys(PAGE.fr).sort());
  });

  test('names the choices in the form’s own words', () => {
    expect(formChoices({ surveillanceType: 'alpr', cameraType: 'fixed' }, translator('fr'))).toEqual([
      'Que surveille-t-elle ? — Lecture de plaques',
      'Forme de la caméra — Fixe',
    ]);
    expect(formChoices({ mount: 'traffic_signals' }, translator('en'))[0]).toMatch(/—/);
  });
});
