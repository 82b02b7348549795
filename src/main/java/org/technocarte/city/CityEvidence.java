package org.technocarte.city;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

/** One piece of a city's VSA evidence, as stored; it never leaves the server (see EvidenceView). */
@Entity
@Table(name = "city_evidence")
public class CityEvidence {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "city_code", nullable = false, updatable = false)
  public String cityCode;

  @Column(nullable = false)
  public EvidenceKind kind;

  @Column(nullable = false)
  public String title;

  @Column(name = "published_on", nullable = false)
  public LocalDate publishedOn;

  @Column(nullable = false)
  public String url;

  public String note;

  @Column(name = "created_by", updatable = false)
  public Long createdBy;

  @Column(name = "updated_by")
  public Long updatedBy;

  @CreationTimestamp
  @Column(name = "created_at", nullable = false, updatable = false)
  public OffsetDateTime createdAt;

  @UpdateTimestamp
  @Column(name = "updated_at", nullable = false)
  public OffsetDateTime updatedAt;

  @Version public int version;
}
