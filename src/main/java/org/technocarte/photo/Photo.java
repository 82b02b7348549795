package org.technocarte.photo;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A photo of a sighting: its files are in the {@link PhotoStore} under its id. */
@Entity
@Table(name = "photo")
public class Photo extends PanacheEntityBase {

  /** Random, so that ids say nothing about how many photos exist or when one was sent. */
  @Id public UUID id;

  @Column(name = "sighting_id", nullable = false)
  public long sightingId;

  /** Set for the photo of a removal report: the moderators' alone, never among the camera's. */
  @Column(name = "removal_report_id")
  public Long removalReportId;

  @Column(nullable = false)
  public int width;

  @Column(nullable = false)
  public int height;

  @Column(name = "thumbnail_width", nullable = false)
  public int thumbnailWidth;

  @Column(name = "thumbnail_height", nullable = false)
  public int thumbnailHeight;

  @Column(name = "byte_size", nullable = false)
  public int byteSize;

  @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
  public OffsetDateTime createdAt;
}
