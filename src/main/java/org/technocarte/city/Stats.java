package org.technocarte.city;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Statistics of the approved sightings: per city, and added per month. */
@Schema(name = "Stats")
public record Stats(
    @Schema(description = "Approved sightings, with or without a city") long cameras,
    @Schema(description = "Of which suspected of algorithmic video surveillance") long vsaSuspected,
    @Schema(description = "By number of cameras, largest first") List<CityStats> cities,
    @Schema(description = "Approved sightings by the month they were added, oldest first")
        List<MonthCount> addedPerMonth) {

  @Schema(name = "MonthCount")
  public record MonthCount(@Schema(example = "2026-11") String month, long count) {}
}
