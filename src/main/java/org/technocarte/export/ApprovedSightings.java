package org.technocarte.export;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import org.technocarte.common.database.ReadConnections;
import org.technocarte.common.database.StatementTimeouts;
import org.technocarte.sighting.SightingRepository;
import org.technocarte.sighting.SightingView;
import org.technocarte.sighting.Status;
import org.technocarte.sighting.Where;

/**
 * The one collection seam behind every read format (GeoJSON, CSV, OSM XML, OGC API items): it
 * selects approved sightings and hands them one by one to a writer. A new format is a writer, not a
 * new query.
 *
 * <p>Rows are read through a server-side cursor (autocommit off, a fetch size), so the memory of
 * the application does not grow with the size of an export. They come from the read replica when
 * there is one ({@link ReadConnections}).
 */
@ApplicationScoped
public class ApprovedSightings {

  /** Rows fetched from PostgreSQL at a time while streaming. */
  static final int FETCH_SIZE = 1000;

  /** Receives the sightings of a read, in ascending id order. */
  @FunctionalInterface
  public interface Sink {
    void accept(SightingView sighting) throws IOException;
  }

  private final ReadConnections reads;
  private final StatementTimeouts timeouts;

  public ApprovedSightings(ReadConnections reads, StatementTimeouts timeouts) {
    this.reads = reads;
    this.timeouts = timeouts;
  }

  /**
   * Streams the sightings matching {@code where} whose id is above {@code afterId}, by ascending
   * id, at most {@code limit} of them (0 for all).
   */
  public void stream(Where where, long afterId, long limit, Sink sink) throws IOException {
    stream(where, Crs.DEFAULT, null, afterId, 0, limit, sink);
  }

  /**
   * Streams the sightings matching {@code where} whose id is above {@code afterId}, their
   * coordinates in {@code crs}: by ascending id when {@code order} is null, else in that SQL order
   * (which ends on the id, so that it is total) from row {@code offset}; at most {@code limit} of
   * them (0 for all).
   */
  public void stream(
      Where where, Crs crs, String order, long afterId, long offset, long limit, Sink sink)
      throws IOException {
    String sql =
        "SELECT "
            + SightingRepository.viewColumns(crs.geometry("s.geom"))
            + " FROM sighting s WHERE "
            + where.sql()
            + " AND s.id > ? ORDER BY "
            + (order == null ? "s.id" : order)
            + (limit > 0 ? " LIMIT ?" : "")
            + " OFFSET ?";
    // Should the replica fail half-way, the read runs again on the primary: it goes on after the
    // last sighting sent (or as many rows further in a sorted read), so the file is neither cut
    // nor doubled.
    long[] lastSent = {afterId};
    long[] sent = {0};
    try {
      reads.read(
          connection -> {
            // A cursor only streams inside a transaction; this one only reads.
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
              timeouts.forExport(connection);
              statement.setFetchSize(FETCH_SIZE);
              int next = where.bind(connection, statement, 1);
              statement.setLong(next++, order == null ? lastSent[0] : afterId);
              if (limit > 0) {
                statement.setLong(next++, limit - sent[0]);
              }
              statement.setLong(next, order == null ? offset : offset + sent[0]);
              try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                  SightingView sighting = SightingRepository.toView(rows);
                  sink.accept(sighting);
                  lastSent[0] = sighting.id();
                  sent[0]++;
                }
              }
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            } finally {
              connection.rollback();
              connection.setReadOnly(false);
              connection.setAutoCommit(true);
            }
            return null;
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } catch (SQLException e) {
      throw new IOException("reading sightings failed", e);
    }
  }

  /** How many approved sightings match, exactly. */
  public long count(Where where) {
    return query(
        "SELECT count(*) FROM sighting s WHERE " + where.sql(),
        where,
        rows -> rows.next() ? rows.getLong(1) : 0L);
  }

  /** One approved sighting, its coordinates in {@code crs}. */
  public Optional<SightingView> one(long id, Crs crs) {
    Where where = new Where().statuses(Status.PUBLIC).and("s.id = ?", id);
    return query(
        "SELECT "
            + SightingRepository.viewColumns(crs.geometry("s.geom"))
            + " FROM sighting s WHERE "
            + where.sql(),
        where,
        rows -> rows.next() ? Optional.of(SightingRepository.toView(rows)) : Optional.empty());
  }

  /** The box and the dates of all approved sightings. */
  public Extent extent() {
    Where where = new Where();
    return query(
        "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e), first, last FROM (SELECT"
            + " ST_Extent(s.geom) AS e, min(s.observed_at) AS first, max(s.observed_at) AS last"
            + " FROM sighting s WHERE "
            + where.sql()
            + ") x",
        where,
        rows -> {
          rows.next();
          return new Extent(
              (Double) rows.getObject(1),
              (Double) rows.getObject(2),
              (Double) rows.getObject(3),
              (Double) rows.getObject(4),
              rows.getObject(5, LocalDate.class),
              rows.getObject(6, LocalDate.class));
        });
  }

  private interface Reader<T> {
    T read(ResultSet rows) throws SQLException;
  }

  private <T> T query(String sql, Where where, Reader<T> reader) {
    try {
      return reads.read(
          connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
              where.bind(connection, statement, 1);
              try (ResultSet rows = statement.executeQuery()) {
                return reader.read(rows);
              }
            }
          });
    } catch (SQLException e) {
      throw new UncheckedIOException(new IOException("reading sightings failed", e));
    }
  }
}
