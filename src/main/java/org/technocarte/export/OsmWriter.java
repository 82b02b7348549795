package org.technocarte.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.technocarte.sighting.SightingView;
import org.technocarte.sighting.SurveillanceType;

/**
 * OSM XML for JOSM: new nodes (negative ids) tagged as DESIGN.md maps them, in a file marked
 * upload="never" so that nobody pushes it to OpenStreetMap by mistake: a mapper checks each camera
 * on the ground and copies what is true. Suspected VSA has no OSM tag and never leaves here.
 */
public final class OsmWriter implements FeatureWriter {

  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

  /** OpenStreetMap refuses longer tag values. */
  static final int MAX_VALUE = 255;

  private final XMLStreamWriter xml;
  private long nextId = -1;

  public OsmWriter(OutputStream out) throws IOException {
    try {
      this.xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  @Override
  public void begin() throws IOException {
    try {
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeComment(" Technocarte sightings, " + Licence.ID + " " + Licence.URL + " ");
      xml.writeCharacters("\n");
      xml.writeStartElement("osm");
      xml.writeAttribute("version", "0.6");
      xml.writeAttribute("generator", "Technocarte");
      xml.writeAttribute("upload", "never");
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  @Override
  public void write(SightingView sighting) throws IOException {
    // A camera gone is left out: the file is for adding to OpenStreetMap what stands in the street,
    // and OSM maps what exists (a removed: lifecycle prefix is for ruins and the like, not a camera
    // someone took down).
    if (sighting.properties().status() == org.technocarte.sighting.Status.REMOVED) {
      return;
    }
    try {
      xml.writeCharacters("\n  ");
      xml.writeStartElement("node");
      xml.writeAttribute("id", Long.toString(nextId--));
      xml.writeAttribute("lat", CsvWriter.number(sighting.geometry().lat()));
      xml.writeAttribute("lon", CsvWriter.number(sighting.geometry().lon()));
      for (Map.Entry<String, String> tag : tags(sighting.properties()).entrySet()) {
        xml.writeCharacters("\n    ");
        xml.writeEmptyElement("tag");
        xml.writeAttribute("k", tag.getKey());
        xml.writeAttribute("v", xmlSafe(tag.getValue()));
      }
      xml.writeCharacters("\n  ");
      xml.writeEndElement();
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  @Override
  public void end() throws IOException {
    try {
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.flush();
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  /** The OSM tags of a sighting, in the order a mapper reads them; never the VSA fields. */
  static Map<String, String> tags(SightingView.Properties p) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("man_made", "surveillance");
    put(tags, "surveillance:type", surveillanceType(p.surveillanceType()));
    put(tags, "camera:type", p.cameraType() == null ? null : p.cameraType().wire());
    put(tags, "camera:mount", p.mount() == null ? null : p.mount().wire());
    if (!p.directions().isEmpty()) {
      tags.put("camera:direction", CsvWriter.directions(p.directions()));
    }
    put(tags, "surveillance", p.area() == null ? null : p.area().wire());
    put(tags, "surveillance:zone", p.zone() == null ? null : p.zone().wire());
    put(tags, "operator", p.operator());
    put(tags, "height", p.height() == null ? null : CsvWriter.number(p.height()));
    put(tags, "description", p.notes() == null ? null : tagValue(p.notes()));
    put(tags, "survey:date", p.observedAt() == null ? null : p.observedAt().toString());
    put(tags, "check_date", p.checkDate() == null ? null : p.checkDate().toString());
    return tags;
  }

  /** OSM's words: ALPR in capitals; "other" has no OSM value and is left out. */
  private static String surveillanceType(SurveillanceType type) {
    if (type == null) {
      return null;
    }
    return switch (type) {
      case CAMERA -> "camera";
      case ALPR -> "ALPR";
      case GUARD -> "guard";
      case OTHER -> null;
    };
  }

  private static void put(Map<String, String> tags, String key, String value) {
    if (value != null && !value.isBlank()) {
      tags.put(key, value);
    }
  }

  /**
   * OSM values are one line of at most 255 characters: line breaks become spaces and a longer note
   * is cut with an ellipsis (the full text stays in the GeoJSON and CSV exports).
   */
  static String tagValue(String text) {
    String line = text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    if (line.codePointCount(0, line.length()) <= MAX_VALUE) {
      return line;
    }
    return line.substring(0, line.offsetByCodePoints(0, MAX_VALUE - 1)) + "…";
  }

  /** XML 1.0 cannot carry most control characters, even escaped: they are dropped. */
  private static String xmlSafe(String value) {
    StringBuilder safe = new StringBuilder(value.length());
    value
        .codePoints()
        .filter(c -> c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c != 0xFFFE && c != 0xFFFF)
        .forEach(safe::appendCodePoint);
    return safe.toString();
  }
}
