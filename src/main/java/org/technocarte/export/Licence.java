package org.technocarte.export;

/** The licence of the sightings, stated in every download. */
public final class Licence {

  public static final String ID = "ODbL-1.0";
  public static final String URL = "https://opendatacommons.org/licenses/odbl/1-0/";
  public static final String ATTRIBUTION = "© Technocarte contributors";

  /** An HTTP Link header value pointing at the licence (RFC 8288, rel="license"). */
  public static final String LINK_HEADER = "<" + URL + ">; rel=\"license\"; title=\"" + ID + "\"";

  private Licence() {}
}
