package org.technocarte.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** OpenStreetMap takes one line of at most 255 characters per tag value. */
class OsmTagValueTest {

  @Test
  void shouldJoinLinesWithASpace() {
    assertEquals("Sous l'auvent à droite", OsmWriter.tagValue("Sous l'auvent\r\n  à droite\n"));
  }

  @Test
  void shouldCutALongNoteWithAnEllipsis() {
    String note = "é".repeat(300);
    String value = OsmWriter.tagValue(note);
    assertEquals(255, value.codePointCount(0, value.length()));
    assertTrue(value.endsWith("…"));
    assertEquals("é".repeat(255), OsmWriter.tagValue("é".repeat(255)), "255 fit whole");
  }
}
