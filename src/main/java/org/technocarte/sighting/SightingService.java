package org.technocarte.sighting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.technocarte.city.Gazetteer;
import org.technocarte.common.Tokens;
import org.technocarte.common.error.ApiException;
import org.technocarte.common.error.ProblemType;

/** The rules of sightings: creation by walkers, their private amendments, public reads. */
@ApplicationScoped
public class SightingService {

  private static final int NEARBY_LIMIT = 50;
  private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

  private final SightingRepository repository;
  private final Gazetteer gazetteer;
  private final ApprovedSightings approved;

  public SightingService(
      SightingRepository repository, Gazetteer gazetteer, ApprovedSightings approved) {
    this.repository = repository;
    this.gazetteer = gazetteer;
    this.approved = approved;
  }

  /** A created sighting, and whether it was already there (a resend with the same clientId). */
  public record Created(SightingView sighting, boolean replayed) {}

  /**
   * A walker's new sighting, pending until a moderator approves it. A resend with the same clientId
   * answers the first sighting and the same token, and stores nothing.
   */
  @Transactional
  public Created submit(SightingInput input) {
    String token;
    byte[] clientIdHash = null;
    if (input.clientId() != null) {
      clientIdHash = EditTokens.hashClientId(input.clientId());
      repository.lockClientId(clientIdHash);
      Optional<Long> first = repository.findIdByClientIdHash(clientIdHash);
      token = EditTokens.forClient(input.clientId());
      if (first.isPresent()) {
        return new Created(viewOf(first.get()).withEditToken(token), true);
      }
    } else {
      token = Tokens.random();
    }
    Sighting sighting = newSighting(input, Status.PENDING, Source.WALKER);
    sighting.clientIdHash = clientIdHash;
    sighting.editTokenHash = Tokens.hash(token);
    repository.persistAndFlush(sighting);
    return new Created(viewOf(sighting.id).withEditToken(token), false);
  }

  /** A sighting brought in by an import (the demo data, later OSM): no token, no clientId. */
  @Transactional
  public long importSighting(
      SightingInput input, Status status, LocalDate checkDate, String sourceRef) {
    Sighting sighting = newSighting(input, status, Source.IMPORT);
    sighting.sourceRef = sourceRef;
    if (checkDate != null && !checkDate.isBefore(sighting.observedAt)) {
      sighting.checkDate = checkDate;
    }
    repository.persist(sighting);
    return sighting.id;
  }

  /**
   * An approved or removed sighting for anyone; any other only for the holder of its edit token. A
   * walker who sends their token must see their own latest change: that read is on the primary, the
   * others may come from the read replica.
   */
  public SightingView find(long id, String editToken) {
    if (editToken == null) {
      return approved.one(id, "s.geom").orElseThrow(() -> notFound(id));
    }
    SightingView view = repository.view(id).orElseThrow(() -> notFound(id));
    if (Status.PUBLIC.contains(view.properties().status())) {
      return view;
    }
    Sighting sighting = repository.findById(id);
    if (!Tokens.matches(editToken, sighting.editTokenHash)) {
      throw notFound(id);
    }
    return view;
  }

  /** The walker amends their pending sighting; a change based on a stale version is refused. */
  @Transactional
  public SightingView amend(long id, String editToken, SightingInput input) {
    Sighting sighting = repository.findByIdOptional(id).orElseThrow(() -> notFound(id));
    if (!Tokens.matches(editToken, sighting.editTokenHash)) {
      throw notFound(id);
    }
    if (sighting.status != Status.PENDING) {
      throw ApiException.conflict(
          ProblemType.NOT_PENDING,
          "This sighting is " + sighting.status.wire() + ": only a pending one can be amended");
    }
    if (input.version() != null && input.version() != sighting.version) {
      throw ApiException.conflict(
          ProblemType.STALE_VERSION,
          "The sighting was changed since version "
              + input.version()
              + " (now "
              + sighting.version
              + "): reload it and apply your change again");
    }
    apply(input, sighting);
    repository.flush();
    return viewOf(id);
  }

  /**
   * Approved sightings in a box, the GeoJSON FeatureCollection as sent ({@link
   * SightingCollection}); one row more than the limit tells that there are more.
   */
  public byte[] approved(SightingFilter filter, int limit) {
    return approved.page(filter, limit);
  }

  /** Approved cameras near a point, nearest first: candidates for "is it one of these?". */
  public SightingCollection approvedNear(double lon, double lat, int radiusMetres) {
    List<SightingView> rows = approved.near(lon, lat, radiusMetres, NEARBY_LIMIT + 1);
    boolean truncated = rows.size() > NEARBY_LIMIT;
    return SightingCollection.of(truncated ? rows.subList(0, NEARBY_LIMIT) : rows, truncated);
  }

  /** Someone saw this approved camera still there today. */
  @Transactional
  public SightingView confirm(long id) {
    if (!repository.confirm(id, LocalDate.now(ZoneOffset.UTC))) {
      throw notFound(id);
    }
    return viewOf(id);
  }

  /** A new position, and the city the gazetteer names there. */
  public void moveTo(Sighting s, double lon, double lat) {
    s.geom = WGS84.createPoint(new Coordinate(lon, lat));
    Optional<Gazetteer.Place> place = gazetteer.nearest(lon, lat);
    s.cityCode = place.map(Gazetteer.Place::code).orElse(null);
    s.cityName = place.map(Gazetteer.Place::name).orElse(null);
  }

  private Sighting newSighting(SightingInput input, Status status, Source source) {
    Sighting sighting = new Sighting();
    sighting.status = status;
    sighting.source = source;
    sighting.cameraType = CameraType.UNKNOWN;
    sighting.directions = new int[0];
    sighting.observedAt = LocalDate.now(ZoneOffset.UTC);
    apply(input, sighting);
    // Being seen is the first confirmation that the camera is there.
    sighting.checkDate = sighting.observedAt;
    return sighting;
  }

  /** Applies a moderator's or a walker's changes to a sighting (only the fields sent). */
  public void apply(SightingInput in, Sighting s) {
    if (in.has("geometry")) {
      moveTo(s, in.geometry().lon(), in.geometry().lat());
    }
    if (in.has("city")) {
      s.cityName = in.cityName() != null ? in.cityName() : s.cityName;
    }
    if (in.has("surveillanceType")) {
      s.surveillanceType = in.surveillanceType();
    }
    if (in.has("cameraType")) {
      s.cameraType = in.cameraType();
    }
    if (in.has("mount")) {
      s.mount = in.mount();
    }
    if (in.has("directions")) {
      s.directions = in.directions().stream().mapToInt(Integer::intValue).toArray();
    }
    if (in.has("fieldOfView")) {
      s.fieldOfView = in.fieldOfView();
    }
    if (in.has("area")) {
      s.area = in.area();
    }
    if (in.has("zone")) {
      s.zone = in.zone();
    }
    if (in.has("operator")) {
      s.operator = in.operator();
    }
    if (in.has("operatorType")) {
      s.operatorType = in.operatorType();
    }
    if (in.has("height")) {
      s.height = in.height();
    }
    if (in.has("vsaSuspected")) {
      s.vsaSuspected = in.vsaSuspected();
    }
    if (in.has("vsaEvidence")) {
      s.vsaEvidence = in.vsaEvidence();
    }
    if (in.has("notes")) {
      s.notes = in.notes();
    }
    if (in.has("observedAt") && in.observedAt() != null) {
      s.observedAt = in.observedAt();
    }
    if (s.fieldOfView == null) {
      s.fieldOfView = defaultFieldOfView(s.cameraType);
    }
    if (s.checkDate != null && s.checkDate.isBefore(s.observedAt)) {
      s.checkDate = s.observedAt;
    }
  }

  /** What a camera of this shape usually sees: a fixed one about 60°, a dome all around. */
  static Integer defaultFieldOfView(CameraType type) {
    return switch (type) {
      case FIXED -> 60;
      case DOME, PANNING -> 360;
      case UNKNOWN -> null;
    };
  }

  public SightingView viewOf(long id) {
    return repository.view(id).orElseThrow(() -> notFound(id));
  }

  /** The sightings of these ids, by id, in one query; an id with no sighting is left out. */
  public java.util.Map<Long, SightingView> viewsOf(List<Long> ids) {
    return repository.views(ids);
  }

  private static ApiException notFound(long id) {
    return ApiException.notFound("No sighting " + id);
  }
}
