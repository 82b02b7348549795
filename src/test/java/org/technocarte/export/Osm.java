package org.technocarte.export;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reads OSM XML back with the JDK's parser, as JOSM would. */
final class Osm {

  private Osm() {}

  record Node(long id, double lat, double lon, Map<String, String> tags) {}

  static Document parse(String xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory
          .newDocumentBuilder()
          .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
    }
  }

  static List<Node> nodes(String xml) {
    NodeList elements = parse(xml).getElementsByTagName("node");
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < elements.getLength(); i++) {
      Element node = (Element) elements.item(i);
      Map<String, String> tags = new LinkedHashMap<>();
      NodeList tagElements = node.getElementsByTagName("tag");
      for (int j = 0; j < tagElements.getLength(); j++) {
        Element tag = (Element) tagElements.item(j);
        if (tags.put(tag.getAttribute("k"), tag.getAttribute("v")) != null) {
          throw new AssertionError("tag " + tag.getAttribute("k") + " twice on one node");
        }
      }
      nodes.add(
          new Node(
              Long.parseLong(node.getAttribute("id")),
              Double.parseDouble(node.getAttribute("lat")),
              Double.parseDouble(node.getAttribute("lon")),
              tags));
    }
    return nodes;
  }
}
