package org.technocarte.city;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A city that has approved sightings (or VSA evidence), and how many. */
@Schema(name = "CitySummary")
public record CitySummary(
    @Schema(description = "GeoNames id", example = "2992166") String code,
    @Schema(example = "Montpellier") String name,
    @Schema(description = "Approved sightings") long cameras) {}
