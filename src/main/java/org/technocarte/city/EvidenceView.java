package org.technocarte.city;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One piece of a city's VSA evidence, as the API shows it. */
@Schema(name = "CityEvidence")
public record EvidenceView(
    long id,
    @Schema(description = "The city's code (GeoNames id)", example = "2992166") String cityCode,
    @Schema(
            enumeration = {
              "council_deliberation",
              "procurement_notice",
              "prefectoral_order",
              "press"
            })
        EvidenceKind kind,
    @Schema(example = "Délibération du conseil municipal sur la vidéosurveillance algorithmique")
        String title,
    @Schema(description = "When it was published or voted") LocalDate publishedOn,
    @Schema(description = "Where to read it (http or https)") String url,
    @Schema(description = "What it shows, in a few words") String note,
    @Schema(description = "Send it back when changing the entry") int version,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  static EvidenceView of(CityEvidence e) {
    return new EvidenceView(
        e.id,
        e.cityCode,
        e.kind,
        e.title,
        e.publishedOn,
        e.url,
        e.note,
        e.version,
        e.createdAt,
        e.updatedAt);
  }
}
