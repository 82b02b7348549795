package org.technocarte.common;

import java.util.regex.Pattern;

/**
 * The {@code city} filter takes a GeoNames code (Montpellier is 2992166), never a name: a name such
 * as "Montpellier" would match nothing, and an empty answer would look like "no camera here".
 */
public final class CityCodes {

  private static final Pattern CODE = Pattern.compile("[0-9]{1,20}");

  /** The field error's message, which says where a code is found. */
  public static final String RULE =
      "must be a city code (GeoNames id) such as 2992166 for Montpellier, not a name: find a"
          + " city's code with GET /api/places?q=Montpellier";

  private CityCodes() {}

  /** Whether the text is a code at all (whether the gazetteer knows it is another matter). */
  public static boolean valid(String text) {
    return text != null && CODE.matcher(text.strip()).matches();
  }
}
