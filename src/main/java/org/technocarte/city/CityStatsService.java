package org.technocarte.city;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.technocarte.common.error.ApiException;

/**
 * Cities and statistics over approved sightings only: nothing pending or rejected is counted. No
 * transaction: each count is a public read, from the read replica when there is one.
 */
@ApplicationScoped
public class CityStatsService {

  private final CityStatsRepository repository;
  private final Gazetteer gazetteer;

  public CityStatsService(CityStatsRepository repository, Gazetteer gazetteer) {
    this.repository = repository;
    this.gazetteer = gazetteer;
  }

  public Stats stats() {
    Object[] totals = repository.totals();
    return new Stats(
        number(totals[0]),
        number(totals[1]),
        number(totals[2]),
        cityStats(null),
        months(repository.addedPerMonth()),
        months(repository.removedPerMonth()));
  }

  private static List<Stats.MonthCount> months(List<Object[]> rows) {
    List<Stats.MonthCount> months = new ArrayList<>();
    for (Object[] row : rows) {
      months.add(new Stats.MonthCount((String) row[0], number(row[1])));
    }
    return months;
  }

  /**
   * The cities with approved cameras, largest first, then those documented by a group (VSA
   * evidence) before anyone mapped a camera there, by name.
   */
  public List<CitySummary> cities() {
    List<CitySummary> cities = new ArrayList<>();
    for (Object[] row : repository.perCity()) {
      cities.add(new CitySummary((String) row[0], (String) row[1], number(row[2])));
    }
    repository.evidenceOnly().stream()
        .flatMap(code -> gazetteer.place(code).stream())
        .map(place -> new CitySummary(place.code(), place.name(), 0))
        .sorted(java.util.Comparator.comparing(CitySummary::name))
        .forEach(cities::add);
    return cities;
  }

  /**
   * The counts of a city, zero for a city of the gazetteer where no camera is approved yet (a group
   * may document a VSA procurement before anyone maps a camera there); 404 for any other code.
   */
  public CityStats city(String code) {
    List<CityStats> found = cityStats(code);
    if (!found.isEmpty()) {
      return found.get(0);
    }
    return gazetteer
        .place(code)
        .map(place -> CityStats.empty(place.code(), place.name()))
        .orElseThrow(() -> ApiException.notFound("No city with code " + code));
  }

  /** Every city with approved sightings, or the one with this code. */
  private List<CityStats> cityStats(String code) {
    List<Object[]> rows = code == null ? repository.perCity() : repository.city(code);
    List<CityStats> cities = new ArrayList<>();
    for (Object[] row : rows) {
      long cameras = number(row[2]);
      long vsa = number(row[3]);
      cities.add(
          new CityStats(
              (String) row[0],
              (String) row[1],
              cameras,
              vsa,
              cameras == 0 ? 0 : (double) vsa / cameras,
              breakdown(CityStatsRepository.KINDS, row, 4),
              breakdown(CityStatsRepository.SHAPES, row, 4 + CityStatsRepository.KINDS.size()),
              null,
              null));
    }
    return cities;
  }

  /** The values counted from column {@code first} of a city's row on, those above zero only. */
  private static Map<String, Long> breakdown(List<String> values, Object[] row, int first) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (int i = 0; i < values.size(); i++) {
      long n = number(row[first + i]);
      if (n > 0) {
        counts.put(values.get(i), n);
      }
    }
    return counts;
  }

  private static long number(Object value) {
    return ((Number) value).longValue();
  }
}
