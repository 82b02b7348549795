package org.technocarte.group;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import org.hibernate.annotations.CreationTimestamp;
import org.locationtech.jts.geom.MultiPolygon;

/** A local group (a Technopolice collective) and the territory whose sightings it reviews. */
@Entity
@Table(name = "local_group")
public class LocalGroup {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(nullable = false)
  public String name;

  @Column(name = "city_name")
  public String cityName;

  @Column(columnDefinition = "geometry(MultiPolygon,4326)", nullable = false)
  public MultiPolygon territory;

  @Version public int version;

  @CreationTimestamp
  @Column(name = "created_at", nullable = false, updatable = false)
  public OffsetDateTime createdAt;
}
