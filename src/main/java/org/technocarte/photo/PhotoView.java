package org.technocarte.photo;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A photo as the API shows it: where to fetch it and its thumbnail, and their sizes. */
@Schema(name = "Photo", description = "A photo of a sighting, re-encoded without any metadata")
public record PhotoView(
    @Schema(description = "Random id of the photo") UUID id,
    @Schema(description = "Width of the served photo, in pixels", example = "2048") int width,
    @Schema(description = "Height of the served photo, in pixels", example = "1536") int height,
    @Schema(
            description = "Path of the photo (JPEG)",
            example = "/api/sightings/42/photos/0b7f0b4e-2a39-4a5b-9d0e-6d1b3c1f9a10")
        String href,
    @Schema(
            description = "Path of its thumbnail (JPEG)",
            example = "/api/sightings/42/photos/0b7f0b4e-2a39-4a5b-9d0e-6d1b3c1f9a10/thumbnail")
        String thumbnailHref) {

  static PhotoView of(Photo photo) {
    String href = "/api/sightings/" + photo.sightingId + "/photos/" + photo.id;
    return new PhotoView(photo.id, photo.width, photo.height, href, href + "/thumbnail");
  }

  /** The photo of a removal report: served to the camera's moderators only. */
  static PhotoView ofReport(Photo photo) {
    String href = "/api/moderation/removal-reports/" + photo.removalReportId + "/photo";
    return new PhotoView(photo.id, photo.width, photo.height, href, href + "/thumbnail");
  }

  /** The photos of one sighting, and how many it may have. */
  @Schema(name = "PhotoList")
  public record PhotoList(
      List<PhotoView> photos,
      @Schema(description = "Most photos a sighting may have", example = "3") int maxPhotos) {}
}
