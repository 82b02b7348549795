package org.technocarte.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A GeoJSON FeatureCollection (RFC 7946: lon,lat, no crs member): its members written with
 * Jackson's streaming generator, its features copied as PostgreSQL wrote them (see FeatureJson).
 * Members known only at the end (counts, links) follow the features.
 */
public final class GeoJsonWriter {

  private final OutputStream out;
  private final JsonGenerator json;
  private final ObjectWriter values;
  private final Map<String, ?> head;
  private final Supplier<Map<String, ?>> tail;
  private long rawFeatures;

  public GeoJsonWriter(
      OutputStream out, ObjectMapper mapper, Map<String, ?> head, Supplier<Map<String, ?>> tail)
      throws IOException {
    this.out = out;
    this.json = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8);
    // A flush after every member would send one tiny HTTP chunk each.
    this.values = mapper.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    this.head = head;
    this.tail = tail;
  }

  public void begin() throws IOException {
    json.writeStartObject();
    json.writeStringField("type", "FeatureCollection");
    members(head);
    json.writeArrayFieldStart("features");
  }

  /**
   * One feature already written as JSON, its UTF-8 bytes as PostgreSQL sent them (see FeatureJson),
   * copied to the stream as they are: no text is decoded or encoded again.
   */
  public void writeRaw(byte[] feature) throws IOException {
    if (rawFeatures++ == 0) {
      // What the generator holds goes out first; it writes the end of the array after the features.
      json.flush();
    } else {
      out.write(',');
    }
    out.write(feature);
  }

  public void end() throws IOException {
    json.writeEndArray();
    members(tail.get());
    json.writeEndObject();
    json.flush();
  }

  private void members(Map<String, ?> members) throws IOException {
    for (Map.Entry<String, ?> member : members.entrySet()) {
      json.writeFieldName(member.getKey());
      values.writeValue(json, member.getValue());
    }
  }
}
