package org.technocarte.export;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.technocarte.sighting.FilterParams;

/** The filters of the three exports and of the vector tiles: the box is not capped. */
public class ExportQuery extends FilterParams {

  @QueryParam("bbox")
  @Parameter(
      description =
          "west,south,east,north (WGS84), or 6 numbers with heights (ignored); west > east"
              + " crosses the antimeridian; not capped",
      example = "3.86,43.60,3.89,43.62")
  String bbox;
}
