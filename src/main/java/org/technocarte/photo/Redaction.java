package org.technocarte.photo;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.technocarte.common.error.ApiException;
import org.technocarte.common.error.FieldCode;
import org.technocarte.common.error.FieldError;

/**
 * A moderator's request to cover parts of a photo (a face, a plate, a window): boxes in the pixels
 * of the stored photo, as its `width` and `height` give them, the origin at its top left corner.
 */
@Schema(name = "PhotoRedaction", description = "Boxes to cover, in the stored photo's pixels")
public record Redaction(
    @Schema(description = "The boxes, 1 to " + Redaction.MAX_BOXES, required = true)
        List<Box> boxes,
    @Schema(description = "Why, kept in the moderation history", example = "Visage")
        String reason) {

  /** More boxes than this is not a photo worth keeping: erase it instead. */
  public static final int MAX_BOXES = 20;

  /** The history keeps the reason with the photo's ids, within its 1,000 characters. */
  public static final int MAX_REASON = 800;

  /** A box of whole pixels, inside the photo. */
  @Schema(name = "PhotoRedactionBox")
  public record Box(
      @Schema(description = "Left edge, pixels from the left", example = "120", required = true)
          Integer x,
      @Schema(description = "Top edge, pixels from the top", example = "40", required = true)
          Integer y,
      @Schema(description = "Width in pixels, at least 1", example = "200", required = true)
          Integer width,
      @Schema(description = "Height in pixels, at least 1", example = "150", required = true)
          Integer height) {}

  /** The boxes as rectangles, or 422 naming each wrong field (`boxes[2].width`…). */
  List<Rectangle> rectangles(int photoWidth, int photoHeight) {
    if (boxes == null || boxes.isEmpty()) {
      throw ApiException.invalid(
          "Invalid redaction", "boxes", FieldCode.REQUIRED, "give at least one box to cover");
    }
    if (boxes.size() > MAX_BOXES) {
      throw ApiException.invalid(
          "Invalid redaction",
          "boxes",
          FieldCode.OUT_OF_RANGE,
          "at most " + MAX_BOXES + " boxes; erase the photo instead");
    }
    List<FieldError> errors = new ArrayList<>();
    if (reason != null && reason.strip().length() > MAX_REASON) {
      errors.add(
          new FieldError(
              "reason", FieldCode.LENGTH, "must be at most " + MAX_REASON + " characters"));
    }
    List<Rectangle> rectangles = new ArrayList<>();
    for (int i = 0; i < boxes.size(); i++) {
      String at = "boxes[" + i + "]";
      Box box = boxes.get(i);
      if (box == null) {
        errors.add(new FieldError(at, FieldCode.REQUIRED, "must be a box"));
        continue;
      }
      int before = errors.size();
      check(errors, at + ".x", box.x(), 0, photoWidth - 1);
      check(errors, at + ".y", box.y(), 0, photoHeight - 1);
      check(errors, at + ".width", box.width(), 1, photoWidth);
      check(errors, at + ".height", box.height(), 1, photoHeight);
      if (errors.size() > before) {
        continue;
      }
      if (box.x() + box.width() > photoWidth) {
        errors.add(
            new FieldError(
                at + ".width",
                FieldCode.OUT_OF_RANGE,
                "the box ends outside the photo: x + width must be at most " + photoWidth));
      }
      if (box.y() + box.height() > photoHeight) {
        errors.add(
            new FieldError(
                at + ".height",
                FieldCode.OUT_OF_RANGE,
                "the box ends outside the photo: y + height must be at most " + photoHeight));
      }
      rectangles.add(new Rectangle(box.x(), box.y(), box.width(), box.height()));
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid("Invalid redaction", errors);
    }
    return rectangles;
  }

  private static void check(
      List<FieldError> errors, String field, Integer value, int min, int max) {
    if (value == null) {
      errors.add(new FieldError(field, FieldCode.REQUIRED, "is required"));
    } else if (value < min || value > max) {
      errors.add(
          new FieldError(
              field, FieldCode.OUT_OF_RANGE, "must be from " + min + " to " + max + " pixels"));
    }
  }
}
