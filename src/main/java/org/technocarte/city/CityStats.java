package org.technocarte.city;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The approved cameras of one city, counted. */
@Schema(name = "CityStats")
public record CityStats(
    @Schema(description = "GeoNames id", example = "2992166") String code,
    @Schema(description = "The name most sightings give it", example = "Montpellier") String name,
    @Schema(description = "Approved sightings") long cameras,
    @Schema(description = "Of which suspected of algorithmic video surveillance") long vsaSuspected,
    @Schema(description = "vsaSuspected / cameras, from 0 to 1") double vsaShare,
    @Schema(description = "Cameras by surveillanceType (camera, alpr, guard, other)")
        Map<String, Long> bySurveillanceType,
    @Schema(description = "Cameras by cameraType (fixed, dome, panning, unknown)")
        Map<String, Long> byCameraType) {}
