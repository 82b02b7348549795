package org.technocarte.city;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Statistics of the approved sightings: per city, and added per month. */
@Schema(name = "Stats")
public record Stats(
    @Schema(description = "Approved sightings, with or without a city") long cameras,
    @Schema(description = "Of which suspected of algorithmic video surveillance") long vsaSuspected,
    @Schema(description = "Cameras seen gone since (status removed), not counted in cameras")
        long removed,
    @Schema(description = "By number of cameras, largest first") List<CityStats> cities,
    @Schema(
            description =
                "Approved sightings by the month they were added (those removed since included),"
                    + " oldest first")
        List<MonthCount> addedPerMonth,
    @Schema(
            description =
                "Removed cameras by the month they were seen gone, oldest first; a month's net"
                    + " growth is its added minus its removed")
        List<MonthCount> removedPerMonth) {

  @Schema(name = "MonthCount")
  public record MonthCount(@Schema(example = "2026-11") String month, long count) {}
}
