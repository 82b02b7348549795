package org.technocarte.route;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.technocarte.city.Gazetteer;
import org.technocarte.common.config.RouteConfig;
import org.technocarte.common.database.ReadConnections;
import org.technocarte.common.error.ApiException;
import org.technocarte.common.error.FieldCode;
import org.technocarte.common.error.ProblemType;

/**
 * Measures how watched a line is, and finds the least watched way between two points. Routes are
 * computed and forgotten: the line is bound as a statement parameter (never in the SQL text, which
 * is what pg_stat_statements keeps), nothing is written, nothing of it is logged.
 */
@ApplicationScoped
public class RouteService {

  /** The penalties tried, in metres of detour per metre watched (0 is the shortest route). */
  static final double[] PENALTIES = {0, 0.25, 0.5, 1, 2, 4, 8, 16, 50, 200, 1000};

  /**
   * A place this near a corner along its street is at the corner: a tap on a phone's map or a GPS
   * fix is no more precise, and a route then starts at the corner rather than with a stub of
   * street.
   */
  static final double CORNER_METRES = 3;

  /** Two places nearer than this on the street network are one. */
  static final double SAME_PLACE_METRES = 1;

  /** The exposure of one line, in metres on the ellipsoid. */
  private static final String EXPOSURE =
      "WITH line AS (SELECT ST_GeomFromText(?, 4326) AS g),"
          + " near AS (SELECT v.sighting_id, v.camera_type, v.vsa_suspected, v.area"
          + "   FROM camera_view v, line WHERE v.area && line.g AND ST_Intersects(v.area, line.g)),"
          + " cover AS (SELECT ST_Union(area) AS u FROM near),"
          + " parts AS (SELECT line.g,"
          + "   CASE WHEN cover.u IS NULL THEN 'MULTILINESTRING EMPTY'::geometry"
          + "     ELSE ST_LineMerge(ST_CollectionExtract(ST_Intersection(line.g, cover.u), 2)) END"
          + "     AS watched,"
          + "   CASE WHEN cover.u IS NULL THEN line.g"
          + "     ELSE ST_LineMerge(ST_CollectionExtract(ST_Difference(line.g, cover.u), 2)) END"
          + "     AS unwatched"
          + "   FROM line, cover)"
          + " SELECT ST_Length(g::geography), ST_Length(watched::geography),"
          + "  (SELECT coalesce(max(ST_Length(d.geom::geography)), 0)"
          + "     FROM ST_Dump(unwatched) d),"
          + "  (SELECT json_build_object('type', 'MultiLineString', 'coordinates',"
          + "     coalesce(json_agg((ST_AsGeoJSON(d.geom, 7)::json)->'coordinates'), '[]'))"
          + "     FROM ST_Dump(watched) d WHERE NOT ST_IsEmpty(d.geom)),"
          + "  (SELECT json_build_object('type', 'MultiLineString', 'coordinates',"
          + "     coalesce(json_agg((ST_AsGeoJSON(d.geom, 7)::json)->'coordinates'), '[]'))"
          + "     FROM ST_Dump(unwatched) d WHERE NOT ST_IsEmpty(d.geom)),"
          + "  (SELECT coalesce(json_agg(json_build_object('id', sighting_id, 'cameraType',"
          + "     camera_type, 'vsaSuspected', vsa_suspected) ORDER BY sighting_id), '[]')"
          + "     FROM near)"
          + " FROM parts";

  /**
   * The place on the street network nearest a point: its edge, where along it (0 at the source, 1
   * at the target), the corner it is at (within CORNER_METRES of one, else null), the place itself
   * and how far the point is from it. The index orders the edges by distance in degrees; the few
   * nearest are ordered again in metres.
   */
  private static final String SNAP =
      "WITH p AS (SELECT ST_SetSRID(ST_MakePoint(?, ?), 4326) AS g),"
          + " near AS (SELECT e.id, e.source, e.target, e.length_m, e.geom FROM street_edge e, p"
          + "   ORDER BY e.geom <-> p.g LIMIT 8)"
          + " SELECT near.id, c.f, ST_X(c.at), ST_Y(c.at),"
          + "  ST_Distance(near.geom::geography, p.g::geography) AS metres,"
          + "  CASE WHEN c.f * near.length_m < ? THEN near.source"
          + "   WHEN (1 - c.f) * near.length_m < ? THEN near.target END"
          + " FROM near, p, LATERAL (SELECT ST_LineLocatePoint(near.geom, p.g) AS f,"
          + "   ST_ClosestPoint(near.geom, p.g) AS at) c"
          + " ORDER BY metres, near.id LIMIT 1";

  /**
   * The route between two places on the street network for each penalty k, by pgr_withPoints: from
   * node n1 to node n2, each the corner a place is at or, mid-block, a point on its edge (pid 1 and
   * 2, nodes -1 and -2; pgRouting 3.4 mishandles a point at 0 or 1 along its edge, so a place at a
   * corner is given as the corner, and only mid-block places as points), edges cost their length
   * plus k times their watched length, within a box around both places expanded by the given
   * metres. Each step of the answer runs along one edge from one node to the next; a node is at 0
   * or 1 along its edge, a place where it lies on it, so a step is the substring of its edge
   * between them, and its length and watched length that share of the edge's. Only numbers go into
   * the queries given to pgr_withPoints (by format %s of numbers).
   */
  private static final String ROUTES =
      "WITH args AS (SELECT ?::bigint AS n1, ?::bigint AS e1, ?::float8 AS f1,"
          + "   ?::bigint AS n2, ?::bigint AS e2, ?::float8 AS f2,"
          + "   ST_SetSRID(ST_MakePoint(?, ?), 4326) AS p1, ST_SetSRID(ST_MakePoint(?, ?), 4326) AS p2,"
          + "   ?::float8[] AS ks, ?::float8 AS reach),"
          + " box AS (SELECT args.*,"
          + "   args.reach / (111320 * cos(radians((ST_Y(p1) + ST_Y(p2)) / 2))) AS dx,"
          + "   args.reach / 111320.0 AS dy FROM args),"
          + " path AS (SELECT k.k, p.seq, p.node, p.edge,"
          + "   lead(p.node) OVER (PARTITION BY k.k ORDER BY p.seq) AS next"
          + "   FROM box, unnest(box.ks) k(k),"
          + "   LATERAL pgr_withPoints(format("
          + "   'SELECT id, source, target, length_m + %1$s * watched_m AS cost,"
          + "     length_m + %1$s * watched_m AS reverse_cost FROM street_edge"
          + "     WHERE geom && ST_MakeEnvelope(%2$s, %3$s, %4$s, %5$s, 4326)',"
          + "   k.k, least(ST_X(p1), ST_X(p2)) - dx, least(ST_Y(p1), ST_Y(p2)) - dy,"
          + "   greatest(ST_X(p1), ST_X(p2)) + dx, greatest(ST_Y(p1), ST_Y(p2)) + dy),"
          + "   format('SELECT 1 AS pid, %s::bigint AS edge_id, %s::float8 AS fraction WHERE %s < 0"
          + "     UNION ALL SELECT 2, %s, %s WHERE %s < 0', e1, f1, n1, e2, f2, n2),"
          + "   n1, n2, false) p),"
          + " steps AS (SELECT path.k, path.seq, e.geom, e.length_m, e.watched_m,"
          + "   CASE path.node WHEN e.source THEN 0 WHEN e.target THEN 1"
          + "     WHEN -1 THEN ST_LineLocatePoint(e.geom, box.p1)"
          + "     ELSE ST_LineLocatePoint(e.geom, box.p2) END AS a,"
          + "   CASE path.next WHEN e.source THEN 0 WHEN e.target THEN 1"
          + "     WHEN -1 THEN ST_LineLocatePoint(e.geom, box.p1)"
          + "     ELSE ST_LineLocatePoint(e.geom, box.p2) END AS b"
          + "   FROM path JOIN street_edge e ON e.id = path.edge, box)"
          + " SELECT k, sum(length_m * abs(b - a)), sum(watched_m * abs(b - a)),"
          + "  ST_AsText(ST_MakeLine(array_agg(CASE WHEN a <= b THEN ST_LineSubstring(geom, a, b)"
          + "   ELSE ST_Reverse(ST_LineSubstring(geom, b, a)) END ORDER BY seq)))"
          + " FROM steps GROUP BY k ORDER BY k";

  private final ReadConnections reads;
  private final AgroalDataSource primary;
  private final RouteConfig config;
  private final ObjectMapper mapper;

  public RouteService(
      ReadConnections reads, AgroalDataSource primary, RouteConfig config, ObjectMapper mapper) {
    this.reads = reads;
    this.primary = primary;
    this.config = config;
    this.mapper = mapper;
  }

  @Schema(name = "RouteCamera", description = "A camera whose view the route crosses")
  public record Camera(long id, String cameraType, boolean vsaSuspected) {}

  @Schema(name = "RouteExposure", description = "How watched a line is")
  public record Exposure(
      @Schema(description = "Length of the line, in metres") double lengthMetres,
      @Schema(description = "Metres of the line inside at least one camera's view")
          double watchedMetres,
      @Schema(description = "watchedMetres / lengthMetres, from 0 to 1") double watchedShare,
      @Schema(description = "Longest stretch seen by no camera, in metres")
          double longestUnwatchedMetres,
      @Schema(description = "The cameras whose view the line crosses, by id") List<Camera> cameras,
      @Schema(
              description = "The watched parts of the line, a GeoJSON MultiLineString",
              implementation = Object.class)
          JsonNode watched,
      @Schema(
              description = "The unwatched parts of the line, a GeoJSON MultiLineString",
              implementation = Object.class)
          JsonNode unwatched) {}

  @Schema(name = "Route", description = "A route on the street network and how watched it is")
  public record Route(
      @Schema(description = "The route, a GeoJSON LineString", implementation = Object.class)
          JsonNode geometry,
      @Schema(description = "Its exposure") Exposure exposure) {}

  @Schema(name = "LeastWatched", description = "The shortest route and the least watched one")
  public record LeastWatched(
      @Schema(description = "The detour allowed, as a share of the shortest route's length")
          double maxDetour,
      @Schema(description = "How much longer the least watched route is, as a share") double detour,
      Route shortest,
      Route leastWatched) {}

  public Exposure exposure(RouteInput.Line line) {
    try {
      return reads.read(connection -> exposure(connection, line.wkt()));
    } catch (SQLException e) {
      throw new IllegalStateException("measuring a route failed", e);
    }
  }

  private Exposure exposure(Connection connection, String wkt) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(EXPOSURE)) {
      statement.setString(1, wkt);
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        double length = row.getDouble(1);
        double watched = Math.min(length, row.getDouble(2));
        List<Camera> cameras = new ArrayList<>();
        for (JsonNode camera : json(row.getString(6))) {
          cameras.add(
              new Camera(
                  camera.get("id").asLong(),
                  camera.get("cameraType").asText(),
                  camera.get("vsaSuspected").asBoolean()));
        }
        return new Exposure(
            round(length),
            round(watched),
            length == 0 ? 0 : Math.round(watched / length * 1000) / 1000.0,
            round(row.getDouble(3)),
            cameras,
            json(row.getString(4)),
            json(row.getString(5)));
      }
    }
  }

  public LeastWatched leastWatched(RouteInput.Pair pair) {
    try (Connection connection = primary.getConnection()) {
      connection.setReadOnly(true);
      routingInstalled(connection);
      Place from = snap(connection, pair.from(), "from");
      Place to = snap(connection, pair.to(), "to");
      // Great-circle metres: it bounds the search (with 50 m of slack) and tells one place from
      // two.
      double straight = Gazetteer.distanceKm(from.lat(), from.lon(), to.lat(), to.lon()) * 1000;
      if (straight < SAME_PLACE_METRES) {
        throw ApiException.invalid(
            RouteInput.PAIR_TITLE,
            "to",
            FieldCode.SAME_OBJECT,
            "is at the same place on the street network as from");
      }
      List<Candidate> shortest = routes(connection, from, to, new double[] {0}, straight + 500);
      if (shortest.isEmpty()) {
        throw ApiException.badRequest(
            ProblemType.NO_ROUTE, "No street of the network joins these two points");
      }
      Candidate best = shortest.get(0);
      // 10 cm of slack: ways of equal length differ in the last digits of their edges' lengths.
      double allowed = (1 + pair.maxDetour()) * best.length() + 0.1;
      // Every route no longer than `allowed` lies in the ellipse whose foci are both places: its
      // half minor axis bounds how far from them a route may go.
      double a = allowed / 2;
      double c = straight / 2;
      double reach = Math.sqrt(Math.max(0, a * a - c * c)) + 50;
      Candidate least = best;
      if (best.watched() > 0) {
        double[] penalties = java.util.Arrays.copyOfRange(PENALTIES, 1, PENALTIES.length);
        for (Candidate candidate : routes(connection, from, to, penalties, reach)) {
          if (candidate.length() <= allowed
              && (candidate.watched() < least.watched() - 1e-6
                  || (Math.abs(candidate.watched() - least.watched()) <= 1e-6
                      && candidate.length() < least.length()))) {
            least = candidate;
          }
        }
      }
      Route shortestRoute = route(connection, best.wkt());
      Route leastRoute = least == best ? shortestRoute : route(connection, least.wkt());
      double detour =
          Math.round(
                  (leastRoute.exposure().lengthMetres() / shortestRoute.exposure().lengthMetres()
                          - 1)
                      * 1000)
              / 1000.0;
      return new LeastWatched(pair.maxDetour(), Math.max(0, detour), shortestRoute, leastRoute);
    } catch (SQLException e) {
      throw new IllegalStateException("finding a route failed", e);
    }
  }

  private record Candidate(double k, double length, double watched, String wkt) {}

  private void routingInstalled(Connection connection) throws SQLException {
    try (PreparedStatement statement =
            connection.prepareStatement(
                "SELECT EXISTS (SELECT FROM pg_proc WHERE proname = 'pgr_withpoints'),"
                    + " EXISTS (SELECT FROM street_edge)");
        ResultSet row = statement.executeQuery()) {
      row.next();
      if (!row.getBoolean(1)) {
        throw new ApiException(
            ProblemType.ROUTING_UNAVAILABLE,
            "Routing not installed",
            "The extension pgRouting is not installed in this database",
            null,
            null);
      }
      if (!row.getBoolean(2)) {
        throw new ApiException(
            ProblemType.ROUTING_UNAVAILABLE,
            "Routing not installed",
            "No street network is imported (see deploy/routes/import.sh)",
            null,
            null);
      }
    }
  }

  /**
   * A place on the street network: on edge `edge`, at `fraction` along it, at lon, lat; `corner` is
   * the vertex it is at, or null mid-block.
   */
  private record Place(long edge, double fraction, Long corner, double lon, double lat) {

    /** Its node in pgr_withPoints' answer: its corner, or the point of id `pid` as -pid. */
    long node(int pid) {
      return corner != null ? corner : -pid;
    }
  }

  private Place snap(Connection connection, double[] point, String field) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(SNAP)) {
      statement.setDouble(1, point[0]);
      statement.setDouble(2, point[1]);
      statement.setDouble(3, CORNER_METRES);
      statement.setDouble(4, CORNER_METRES);
      try (ResultSet row = statement.executeQuery()) {
        if (!row.next() || row.getDouble(5) > config.snapMetres()) {
          throw new ApiException(
              ProblemType.OUTSIDE_NETWORK,
              ProblemType.OUTSIDE_NETWORK.title(),
              String.format(
                  java.util.Locale.ROOT, "%s: no street within %.0f m", field, config.snapMetres()),
              List.of(
                  new org.technocarte.common.error.FieldError(
                      field, FieldCode.OUT_OF_RANGE, "is outside the street network")));
        }
        long vertex = row.getLong(6);
        Long corner = row.wasNull() ? null : vertex;
        return new Place(
            row.getLong(1), row.getDouble(2), corner, row.getDouble(3), row.getDouble(4));
      }
    }
  }

  private static List<Candidate> routes(
      Connection connection, Place from, Place to, double[] penalties, double reachMetres)
      throws SQLException {
    Double[] ks = new Double[penalties.length];
    for (int i = 0; i < penalties.length; i++) {
      ks[i] = penalties[i];
    }
    try (PreparedStatement statement = connection.prepareStatement(ROUTES)) {
      statement.setLong(1, from.node(1));
      statement.setLong(2, from.edge());
      statement.setDouble(3, from.fraction());
      statement.setLong(4, to.node(2));
      statement.setLong(5, to.edge());
      statement.setDouble(6, to.fraction());
      statement.setDouble(7, from.lon());
      statement.setDouble(8, from.lat());
      statement.setDouble(9, to.lon());
      statement.setDouble(10, to.lat());
      statement.setArray(11, connection.createArrayOf("float8", ks));
      statement.setDouble(12, reachMetres);
      List<Candidate> found = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          found.add(
              new Candidate(
                  rows.getDouble(1), rows.getDouble(2), rows.getDouble(3), rows.getString(4)));
        }
      }
      return found;
    }
  }

  private Route route(Connection connection, String wkt) throws SQLException {
    Exposure exposure = exposure(connection, wkt);
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT ST_AsGeoJSON(ST_GeomFromText(?, 4326), 7)")) {
      statement.setString(1, wkt);
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return new Route(json(row.getString(1)), exposure);
      }
    }
  }

  private JsonNode json(String text) {
    try {
      return mapper.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the database wrote JSON that does not parse", e);
    }
  }

  private static double round(double metres) {
    return Math.round(metres * 10) / 10.0;
  }
}
