package org.technocarte.sighting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.UpdateTimestamp;
import org.hibernate.type.SqlTypes;
import org.locationtech.jts.geom.Point;

/** One physical camera (or sensor) as stored; it never leaves the server (see SightingView). */
@Entity
@Table(name = "sighting")
public class Sighting {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(columnDefinition = "geometry(Point,4326)", nullable = false)
  public Point geom;

  @Column(name = "surveillance_type", nullable = false)
  public SurveillanceType surveillanceType;

  @Column(name = "camera_type", nullable = false)
  public CameraType cameraType;

  public Mount mount;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(columnDefinition = "integer[]", nullable = false)
  public int[] directions;

  @Column(name = "field_of_view")
  public Integer fieldOfView;

  public Area area;

  public Zone zone;

  public String operator;

  @Column(name = "operator_type")
  public OperatorType operatorType;

  @Column(precision = 5, scale = 2)
  public BigDecimal height;

  @Column(name = "vsa_suspected", nullable = false)
  public boolean vsaSuspected;

  @Column(name = "vsa_evidence")
  public String vsaEvidence;

  public String notes;

  @Column(name = "city_code")
  public String cityCode;

  @Column(name = "city_name")
  public String cityName;

  @Column(name = "observed_at")
  public LocalDate observedAt;

  @Column(name = "check_date")
  public LocalDate checkDate;

  @Column(nullable = false)
  public Status status;

  @Column(nullable = false)
  public Source source;

  @Column(name = "source_ref")
  public String sourceRef;

  /** Where this duplicate went, when merged. */
  @Column(name = "merged_into")
  public Long mergedInto;

  /** The day it was seen gone, once a moderator confirmed it (status removed). */
  @Column(name = "removed_on")
  public LocalDate removedOn;

  @Column(name = "client_id_hash")
  public byte[] clientIdHash;

  @Column(name = "edit_token_hash")
  public byte[] editTokenHash;

  @Version public int version;

  @CreationTimestamp
  @Column(name = "created_at", nullable = false, updatable = false)
  public OffsetDateTime createdAt;

  @UpdateTimestamp
  @Column(name = "updated_at", nullable = false)
  public OffsetDateTime updatedAt;
}
