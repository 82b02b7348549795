package org.technocarte.photo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.technocarte.auth.CurrentUser;
import org.technocarte.auth.Principal;
import org.technocarte.common.config.PhotoConfig;
import org.technocarte.common.error.ApiException;
import org.technocarte.common.error.ProblemType;
import org.technocarte.moderation.ModerationService;
import org.technocarte.sighting.SightingAccess;
import org.technocarte.sighting.Status;

/**
 * The rules of photos: the walker who holds a pending sighting's token adds up to a few photos;
 * photos of an approved sighting are public, others are seen only with the token.
 */
@ApplicationScoped
public class PhotoService {

  private static final Logger LOG = Logger.getLogger(PhotoService.class);

  /** A full disk waits for an operator: minutes, not seconds. */
  private static final long STORAGE_RETRY_SECONDS = 600;

  private final PhotoRepository repository;
  private final PhotoStore store;
  private final PhotoEncoder encoder;
  private final SightingAccess sightings;
  private final PhotoConfig config;
  private final CurrentUser currentUser;
  private final ModerationService moderation;

  public PhotoService(
      PhotoRepository repository,
      PhotoStore store,
      PhotoEncoder encoder,
      SightingAccess sightings,
      PhotoConfig config,
      CurrentUser currentUser,
      ModerationService moderation) {
    this.repository = repository;
    this.store = store;
    this.encoder = encoder;
    this.sightings = sightings;
    this.config = config;
    this.currentUser = currentUser;
    this.moderation = moderation;
  }

  /** A file to serve, and whether anyone may see it (then caches may keep it). */
  public record Served(byte[] jpeg, boolean isPublic) {}

  /**
   * Adds a photo to a pending sighting. The cheap refusals come first (token, status, count, size,
   * type), the decoding last; the count is checked again under a lock of the sighting, so two
   * uploads at once cannot pass it together.
   *
   * @param declaredType the Content-Type sent, or null; it must agree with the bytes
   */
  public PhotoView upload(
      long sightingId, String editToken, String declaredType, InputStream body) {
    checkMayAdd(sightingId, editToken, false);
    return PhotoView.of(
        receive(
            new Photo(),
            sightingId,
            declaredType,
            body,
            () -> checkMayAdd(sightingId, editToken, true)));
  }

  /**
   * Adds the one photo of a removal report on camera {@code sightingId}: read, checked and
   * re-encoded like any photo (no metadata kept), then stored after {@code mayStill} has checked
   * the report again under its lock (still open, still without a photo).
   */
  public PhotoView uploadToReport(
      long sightingId, long reportId, String declaredType, InputStream body, Runnable mayStill) {
    Photo photo = new Photo();
    photo.removalReportId = reportId;
    return PhotoView.ofReport(receive(photo, sightingId, declaredType, body, mayStill));
  }

  /**
   * Reads, checks and re-encodes an upload, then stores it as {@code photo} in a transaction of its
   * own, after {@code mayStill} has checked again, under a lock, what was checked before reading.
   */
  private Photo receive(
      Photo photo, long sightingId, String declaredType, InputStream body, Runnable mayStill) {
    byte[] upload = read(body);
    ImageType type = checkType(declaredType, upload);
    PhotoEncoder.Encoded encoded = encoder.encode(upload, type);
    UUID id = UUID.randomUUID();
    try {
      // The row first, then its files, in one transaction: the database store writes them in it,
      // the folder store removes them again if it rolls back. No row without its files.
      return QuarkusTransaction.requiringNew()
          .call(
              () -> {
                mayStill.run();
                return store(photo, id, sightingId, encoded);
              });
    } catch (PhotoStore.Unwritable e) {
      LOG.errorf("A photo of sighting %d was not stored: %s", sightingId, e.getMessage());
      throw storageFull();
    }
  }

  /** The photo of a removal report, for a moderator of the camera's territory. */
  public Served reportFile(Principal actor, long reportId, PhotoStore.Variant variant) {
    Photo photo =
        repository
            .ofReport(reportId)
            .orElseThrow(
                () -> ApiException.notFound("Removal report " + reportId + " has no photo"));
    if (!moderation.mayModerate(actor, photo.sightingId)) {
      throw ApiException.forbidden("This camera lies outside your territories");
    }
    byte[] jpeg = store.get(photo.id, variant).orElseThrow(() -> noPhoto(photo.id + ""));
    return new Served(jpeg, false);
  }

  /** The photo of each report, by report id, for the moderators' list. */
  public java.util.Map<Long, PhotoView> ofReports(List<Long> reportIds) {
    java.util.Map<Long, PhotoView> photos = new java.util.HashMap<>();
    for (Photo photo : repository.ofReports(reportIds)) {
      photos.put(photo.removalReportId, PhotoView.ofReport(photo));
    }
    return photos;
  }

  /** Erases the photos of decided removal reports, files included, in the current transaction. */
  public void eraseOfReports(List<Long> reportIds) {
    for (Photo photo : repository.ofReports(reportIds)) {
      repository.delete(photo);
      repository.flush();
      store.delete(photo.id);
    }
  }

  /** The row of a new photo and its two files, in the current transaction. */
  private Photo store(UUID id, long sightingId, PhotoEncoder.Encoded encoded) {
    return store(new Photo(), id, sightingId, encoded);
  }

  private Photo store(Photo photo, UUID id, long sightingId, PhotoEncoder.Encoded encoded) {
    photo.id = id;
    photo.sightingId = sightingId;
    photo.width = encoded.width();
    photo.height = encoded.height();
    photo.thumbnailWidth = encoded.thumbnailWidth();
    photo.thumbnailHeight = encoded.thumbnailHeight();
    photo.byteSize = encoded.full().length;
    repository.persistAndFlush(photo);
    store.put(id, PhotoStore.Variant.FULL, encoded.full());
    store.put(id, PhotoStore.Variant.THUMBNAIL, encoded.thumbnail());
    return photo;
  }

  /**
   * A moderator of the sighting's territory covers boxes of a pending sighting's photo (a face, a
   * plate, a window) instead of erasing it. The covered photo takes a new id and the original's row
   * and files go, so no copy is kept, and no cache that held the original's address can serve it
   * again. Logged like an erasure, and like it cannot be reverted.
   */
  public PhotoView redact(Principal actor, UUID photoId, Redaction redaction) {
    Photo photo = repository.findByIdOptional(photoId).orElseThrow(() -> noPhoto(photoId + ""));
    checkMayRedact(actor, photo.sightingId);
    Redaction request = redaction == null ? new Redaction(null, null) : redaction;
    List<java.awt.Rectangle> boxes = request.rectangles(photo.width, photo.height);
    byte[] stored =
        store.get(photoId, PhotoStore.Variant.FULL).orElseThrow(() -> noPhoto(photoId + ""));
    PhotoEncoder.Encoded covered = encoder.redact(stored, boxes);
    UUID id = UUID.randomUUID();
    try {
      return QuarkusTransaction.requiringNew()
          .call(
              () -> {
                Photo original =
                    repository
                        .findByIdOptional(photoId, LockModeType.PESSIMISTIC_WRITE)
                        .orElseThrow(() -> noPhoto(photoId + ""));
                checkMayRedact(actor, original.sightingId);
                Photo redacted = store(id, original.sightingId, covered);
                repository.keepCreationDate(original.id, redacted.id);
                repository.delete(original);
                repository.flush();
                store.delete(original.id);
                moderation.logPhotoAction(
                    actor,
                    original.sightingId,
                    "redact_photo",
                    "photo "
                        + photoId
                        + " covered in "
                        + boxes.size()
                        + (boxes.size() == 1 ? " box" : " boxes")
                        + ", now "
                        + id
                        + (request.reason() == null || request.reason().isBlank()
                            ? ""
                            : ": " + request.reason().strip()));
                return PhotoView.of(redacted);
              });
    } catch (PhotoStore.Unwritable e) {
      LOG.errorf("A redacted photo of sighting %d was not stored: %s", photo.sightingId, e);
      throw storageFull();
    }
  }

  private void checkMayRedact(Principal actor, long sightingId) {
    if (!moderation.mayModerate(actor, sightingId)) {
      throw ApiException.forbidden("This photo's sighting lies outside your territories");
    }
    Status status = sightings.seen(sightingId, null).map(SightingAccess.Seen::status).orElse(null);
    if (status != Status.PENDING) {
      throw ApiException.conflict(
          ProblemType.NOT_PENDING,
          "Only the photos of a pending sighting can be covered; erase this one instead");
    }
  }

  /** The photos of a sighting that this request may see. */
  public PhotoView.PhotoList list(long sightingId, String editToken) {
    checkMayView(sightingId, editToken);
    List<PhotoView> photos = repository.ofSighting(sightingId).stream().map(PhotoView::of).toList();
    return new PhotoView.PhotoList(photos, config.maxPerSighting());
  }

  /** A photo's file (full or thumbnail) for a request that may see it. */
  public Served file(
      long sightingId, String photoId, PhotoStore.Variant variant, String editToken) {
    boolean isPublic = checkMayView(sightingId, editToken);
    Photo photo =
        parse(photoId)
            .flatMap(id -> repository.ofSighting(sightingId, id))
            .orElseThrow(() -> noPhoto(photoId));
    byte[] jpeg = store.get(photo.id, variant).orElseThrow(() -> noPhoto(photoId));
    return new Served(jpeg, isPublic);
  }

  /**
   * A moderator of the sighting's territory erases a photo for good, files included (a face, a
   * plate, a home); the action is logged with its reason.
   */
  @Transactional
  public void delete(Principal actor, UUID photoId, String reason) {
    Photo photo = repository.findByIdOptional(photoId).orElseThrow(() -> noPhoto(photoId + ""));
    if (!moderation.mayModerate(actor, photo.sightingId)) {
      throw ApiException.forbidden("This photo's sighting lies outside your territories");
    }
    repository.delete(photo);
    repository.flush();
    moderation.logPhotoAction(
        actor, photo.sightingId, "delete_photo", "photo " + photoId + ": " + reason);
    store.delete(photoId);
  }

  /**
   * The walker takes back a photo of their pending sighting (a wrong picture, a face): the holder
   * of the edit token only, while it is pending; files included. Nothing is logged: no moderator
   * acted.
   */
  @Transactional
  public void deleteOwn(long sightingId, String photoId, String editToken) {
    Optional<SightingAccess.Seen> seen = sightings.seenForUpdate(sightingId, editToken);
    if (seen.isEmpty() || !seen.get().tokenHolder()) {
      throw noSighting(sightingId);
    }
    if (seen.get().status() != Status.PENDING) {
      throw ApiException.conflict(
          ProblemType.NOT_PENDING, "Photos can be removed only while the sighting is pending");
    }
    Photo photo =
        parse(photoId)
            .flatMap(id -> repository.ofSighting(sightingId, id))
            .orElseThrow(() -> noPhoto(photoId));
    repository.delete(photo);
    repository.flush();
    store.delete(photo.id);
  }

  private void checkMayAdd(long sightingId, String editToken, boolean lock) {
    Optional<SightingAccess.Seen> seen =
        lock
            ? sightings.seenForUpdate(sightingId, editToken)
            : sightings.seen(sightingId, editToken);
    if (seen.isEmpty() || !seen.get().tokenHolder()) {
      throw noSighting(sightingId);
    }
    if (seen.get().status() != Status.PENDING) {
      throw ApiException.conflict(
          ProblemType.NOT_PENDING, "Photos can be added only while the sighting is pending");
    }
    if (repository.countOfSighting(sightingId) >= config.maxPerSighting()) {
      throw ApiException.conflict(
          ProblemType.TOO_MANY_PHOTOS,
          "A sighting has at most " + config.maxPerSighting() + " photos");
    }
  }

  /**
   * Approved sightings' photos are public; others only for the token holder and the moderators of
   * the sighting's territory. Answers whether it is public.
   */
  private boolean checkMayView(long sightingId, String editToken) {
    SightingAccess.Seen seen =
        sightings.seen(sightingId, editToken).orElseThrow(() -> noSighting(sightingId));
    if (seen.status() == Status.APPROVED) {
      return true;
    }
    if (seen.tokenHolder()) {
      return false;
    }
    // Moderators of the territory review pending photos too.
    Optional<Principal> moderator = currentUser.get();
    if (moderator.isPresent() && moderation.mayModerate(moderator.get(), sightingId)) {
      return false;
    }
    throw noSighting(sightingId);
  }

  /** Reads at most the cap: a longer body is refused without being read whole. */
  private byte[] read(InputStream body) {
    byte[] upload;
    try {
      upload = body.readNBytes(config.maxBytes() + 1);
    } catch (IOException e) {
      throw ApiException.badRequest(
          ProblemType.UNREADABLE_BODY, "The request body could not be read");
    }
    if (upload.length == 0) {
      throw ApiException.badRequest(ProblemType.EMPTY_BODY, "Send the photo as the body");
    }
    if (upload.length > config.maxBytes()) {
      throw ApiException.tooLarge(config.maxBytes());
    }
    return upload;
  }

  /**
   * The type is what the bytes are. A declared image type must agree with them; no type, or
   * application/octet-stream, leaves it to the bytes.
   */
  private static ImageType checkType(String declaredType, byte[] upload) {
    Optional<ImageType> sniffed = ImageType.sniff(upload);
    if (sniffed.isEmpty()) {
      throw unsupported("The body is not a JPEG, PNG or WebP image");
    }
    if (declaredType == null || declaredType.equals("application/octet-stream")) {
      return sniffed.get();
    }
    Optional<ImageType> declared = ImageType.ofMediaType(declaredType);
    if (declared.isEmpty()) {
      throw unsupported("Send the photo as image/jpeg, image/png or image/webp");
    }
    if (declared.get() != sniffed.get()) {
      throw unsupported(
          "The body is declared "
              + declaredType
              + " but is "
              + sniffed.get().mediaType()
              + ": send it with its own type");
    }
    return sniffed.get();
  }

  private static Optional<UUID> parse(String photoId) {
    try {
      return Optional.of(UUID.fromString(photoId));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * 507 Insufficient Storage (RFC 4918): this request cannot be stored, while the rest of the site
   * (the map, submissions without photos) still works, which a 503 would deny; the walker's page
   * keeps the photo and sends it again later.
   */
  private static ApiException storageFull() {
    return new ApiException(
        ProblemType.PHOTO_STORAGE,
        "Photo storage unavailable",
        "The server cannot store photos at the moment; the sighting is kept: send the photo again"
            + " later",
        null,
        STORAGE_RETRY_SECONDS);
  }

  private static ApiException unsupported(String detail) {
    return new ApiException(ProblemType.UNSUPPORTED_IMAGE, "Unsupported image", detail, null);
  }

  private static ApiException noSighting(long id) {
    return ApiException.notFound("No sighting " + id);
  }

  private static ApiException noPhoto(String id) {
    return ApiException.notFound("No photo " + id);
  }
}
