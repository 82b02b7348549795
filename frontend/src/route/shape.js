// What the route page shows of an answer of the API, as plain data (tested without a browser).

/** The figures of one exposure: [key, text] pairs, in the order shown. */
export function figures(exposure, { t, language }) {
  const integer = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
  const metres = (n) => t('metres', { n: integer.format(n) });
  const vsa = exposure.cameras.filter((c) => c.vsaSuspected).length;
  return [
    ['fig.length', metres(exposure.lengthMetres)],
    [
      'fig.watched',
      t('share', { metres: metres(exposure.watchedMetres), share: percent.format(exposure.watchedShare) }),
    ],
    ['fig.gap', metres(exposure.longestUnwatchedMetres)],
    [
      'fig.cameras',
      vsa
        ? `${integer.format(exposure.cameras.length)} (${t('fig.vsa', { n: vsa })})`
        : integer.format(exposure.cameras.length),
    ],
  ];
}

/** The body of POST /api/routes/exposure for the points tapped ([lat, lng] each). */
export function lineBody(points) {
  return { type: 'LineString', coordinates: points.map(([lat, lng]) => [round(lng), round(lat)]) };
}

/** The body of POST /api/routes/least-watched, from the first point tapped to the last. */
export function pairBody(points, detourPercent) {
  const [a, b] = [points[0], points[points.length - 1]];
  return { from: [round(a[1]), round(a[0])], to: [round(b[1]), round(b[0])], maxDetour: detourPercent / 100 };
}

const round = (x) => Math.round(x * 1e7) / 1e7;
