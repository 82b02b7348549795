package org.technocarte.photo;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.jboss.logging.Logger;
import org.technocarte.common.config.PhotoConfig;
import org.technocarte.common.error.ApiException;
import org.technocarte.common.error.ProblemType;
import org.w3c.dom.Node;

/**
 * Turns an upload into a photo that carries nothing but pixels: the size is read from the header
 * before anything is decoded (a decompression bomb never gets decoded), the EXIF orientation is
 * applied to the pixels, and the image is written anew as a JPEG without any metadata (no EXIF,
 * XMP, IPTC, ICC profile, JFIF header or embedded thumbnail), with a thumbnail beside it.
 */
@ApplicationScoped
public class PhotoEncoder {

  private static final Logger LOG = Logger.getLogger(PhotoEncoder.class);
  private static final String JPEG_NATIVE_FORMAT = "javax_imageio_jpeg_image_1.0";

  /** A re-encoded photo and its thumbnail, both JPEG. */
  public record Encoded(
      byte[] full,
      int width,
      int height,
      byte[] thumbnail,
      int thumbnailWidth,
      int thumbnailHeight) {}

  private final PhotoConfig config;
  private final Semaphore decodes;
  // Our own instances, registered for the JPEG reader to find the JDK's as its delegate; taken
  // from here rather than looked up, so a reader is never one of another class loader's.
  private final ImageReaderSpi jpegReaders = new JPEGImageReaderSpi();
  private final ImageReaderSpi webpReaders = new WebPImageReaderSpi();

  public PhotoEncoder(PhotoConfig config) {
    this.config = config;
    this.decodes = new Semaphore(Math.max(1, config.concurrentDecodes()), true);
    IIORegistry.getDefaultInstance().registerServiceProvider(jpegReaders, ImageReaderSpi.class);
    IIORegistry.getDefaultInstance().registerServiceProvider(webpReaders, ImageReaderSpi.class);
  }

  @PreDestroy
  void unregister() {
    IIORegistry.getDefaultInstance().deregisterServiceProvider(jpegReaders, ImageReaderSpi.class);
    IIORegistry.getDefaultInstance().deregisterServiceProvider(webpReaders, ImageReaderSpi.class);
  }

  /** Re-encodes an upload whose type was sniffed; refuses (422) what cannot or must not decode. */
  public Encoded encode(byte[] upload, ImageType type) {
    acquire();
    ImageReader reader = reader(type);
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(upload))) {
      reader.setInput(in, true, true);
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      checkSize(width, height);
      int orientation = orientation(upload);
      List<String> cutShort = new ArrayList<>();
      reader.addIIOReadWarningListener(
          (source, warning) -> {
            if (truncation(warning)) {
              cutShort.add(warning);
            }
          });
      BufferedImage decoded = reader.read(0, subsampled(reader, width, height));
      if (!cutShort.isEmpty()) {
        // The decoder paints what it lacks in grey and carries on: a file without its image data
        // (or cut by a lost connection) would be stored as a grey rectangle.
        throw incomplete();
      }
      return encoded(orient(scale(opaqueRgb(decoded), config.maxSide()), orientation));
    } catch (ApiException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // Broken or hostile files make decoders throw all sorts of things: each is a bad upload.
      LOG.debugf("Undecodable %s upload: %s", type, e.getClass().getSimpleName());
      throw unreadable();
    } finally {
      reader.dispose();
      decodes.release();
    }
  }

  /**
   * Covers boxes of a stored photo with solid black and re-encodes it, with a new thumbnail, as
   * {@link #encode} does: nothing of the covered pixels survives, in either file. The boxes lie
   * inside the photo (the caller checked them against its size).
   */
  public Encoded redact(byte[] storedJpeg, List<java.awt.Rectangle> boxes) {
    acquire();
    ImageReader reader = reader(ImageType.JPEG);
    try (ImageInputStream in =
        new MemoryCacheImageInputStream(new ByteArrayInputStream(storedJpeg))) {
      reader.setInput(in, true, true);
      BufferedImage full = opaqueRgb(reader.read(0));
      Graphics2D g = full.createGraphics();
      g.setColor(Color.BLACK);
      boxes.forEach(g::fill);
      g.dispose();
      return encoded(full);
    } catch (IOException e) {
      throw new IllegalStateException("A stored photo could not be decoded", e);
    } finally {
      reader.dispose();
      decodes.release();
    }
  }

  private Encoded encoded(BufferedImage full) throws IOException {
    BufferedImage thumbnail = scale(full, config.thumbnailSide());
    return new Encoded(
        jpeg(full),
        full.getWidth(),
        full.getHeight(),
        jpeg(thumbnail),
        thumbnail.getWidth(),
        thumbnail.getHeight());
  }

  private void checkSize(int width, int height) {
    if (width <= 0 || height <= 0) {
      throw unreadable();
    }
    if ((long) width * height > config.maxPixels()) {
      throw new ApiException(
          ProblemType.IMAGE_TOO_LARGE,
          "Image too large",
          "The image is "
              + width
              + "×"
              + height
              + " pixels; at most "
              + config.maxPixels()
              + " pixels are accepted",
          null);
    }
  }

  /**
   * Decodes large images at a fraction of their size, which bounds the memory one upload takes; the
   * result is still at least 1.5 times the stored size, which the smooth scaling then brings down.
   */
  private ImageReadParam subsampled(ImageReader reader, int width, int height) {
    ImageReadParam param = reader.getDefaultReadParam();
    int factor = Math.max(1, Math.max(width, height) / (config.maxSide() * 3 / 2));
    param.setSourceSubsampling(factor, factor, 0, 0);
    return param;
  }

  private ImageReader reader(ImageType type) {
    try {
      return switch (type) {
        case JPEG -> jpegReaders.createReaderInstance();
        case WEBP -> webpReaders.createReaderInstance();
        case PNG -> jdk(ImageIO.getImageReadersByFormatName("png"));
      };
    } catch (IOException e) {
      throw new IllegalStateException("No image reader for " + type, e);
    }
  }

  /** The JDK's own plugin where there is one; Java always ships PNG and JPEG ones. */
  private static <T> T jdk(Iterator<T> candidates) {
    T first = null;
    while (candidates.hasNext()) {
      T candidate = candidates.next();
      if (candidate.getClass().getName().startsWith("com.sun.imageio.")) {
        return candidate;
      }
      first = first == null ? candidate : first;
    }
    if (first == null) {
      throw new IllegalStateException("The Java runtime has no PNG/JPEG plugin");
    }
    return first;
  }

  /** The EXIF orientation (1–8), 1 when there is none or it cannot be read. */
  static int orientation(byte[] upload) {
    try {
      Metadata metadata =
          ImageMetadataReader.readMetadata(new ByteArrayInputStream(upload), upload.length);
      for (ExifIFD0Directory exif : metadata.getDirectoriesOfType(ExifIFD0Directory.class)) {
        if (exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
          int value = exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
          return value >= 1 && value <= 8 ? value : 1;
        }
      }
    } catch (Exception e) {
      // Metadata is only a hint: a photo whose EXIF is broken is kept as it is drawn.
    }
    return 1;
  }

  private void acquire() {
    try {
      if (!decodes.tryAcquire(30, TimeUnit.SECONDS)) {
        throw new ApiException(
            ProblemType.BUSY,
            "Busy",
            "Too many photos are being processed: try again shortly",
            null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(ProblemType.BUSY, "Busy", "Try again shortly", null);
    }
  }

  /** Transparency becomes white: JPEG has none, and a black background hides dark cameras. */
  private static BufferedImage opaqueRgb(BufferedImage image) {
    if (image.getType() == BufferedImage.TYPE_INT_RGB) {
      return image;
    }
    BufferedImage rgb =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = rgb.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
    g.drawImage(image, 0, 0, null);
    g.dispose();
    return rgb;
  }

  /** Halves step by step with bilinear filtering: one big bilinear step would alias badly. */
  static BufferedImage scale(BufferedImage image, int maxSide) {
    int width = image.getWidth();
    int height = image.getHeight();
    if (Math.max(width, height) <= maxSide) {
      return image;
    }
    double ratio = maxSide / (double) Math.max(width, height);
    int targetWidth = Math.max(1, (int) Math.round(width * ratio));
    int targetHeight = Math.max(1, (int) Math.round(height * ratio));
    BufferedImage current = image;
    do {
      width = Math.max(targetWidth, width / 2);
      height = Math.max(targetHeight, height / 2);
      BufferedImage next = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = next.createGraphics();
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(current, 0, 0, width, height, null);
      g.dispose();
      current = next;
    } while (width != targetWidth || height != targetHeight);
    return current;
  }

  /** Turns the pixels as EXIF orientation 1–8 says, so the photo stands right without metadata. */
  static BufferedImage orient(BufferedImage image, int orientation) {
    if (orientation == 1) {
      return image;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    boolean swaps = orientation >= 5;
    BufferedImage out = new BufferedImage(swaps ? h : w, swaps ? w : h, BufferedImage.TYPE_INT_RGB);
    int[] src = image.getRGB(0, 0, w, h, null, 0, w);
    int[] dst = new int[src.length];
    int outWidth = out.getWidth();
    for (int y = 0; y < out.getHeight(); y++) {
      for (int x = 0; x < outWidth; x++) {
        int sx;
        int sy;
        switch (orientation) {
          case 2 -> {
            sx = w - 1 - x;
            sy = y;
          }
          case 3 -> {
            sx = w - 1 - x;
            sy = h - 1 - y;
          }
          case 4 -> {
            sx = x;
            sy = h - 1 - y;
          }
          case 5 -> {
            sx = y;
            sy = x;
          }
          case 6 -> {
            sx = y;
            sy = h - 1 - x;
          }
          case 7 -> {
            sx = w - 1 - y;
            sy = h - 1 - x;
          }
          default -> {
            sx = w - 1 - y;
            sy = x;
          }
        }
        dst[y * outWidth + x] = src[sy * w + sx];
      }
    }
    out.setRGB(0, 0, outWidth, out.getHeight(), dst, 0, outWidth);
    return out;
  }

  /**
   * A baseline JPEG with no marker segment but the image's own: even the JFIF header is left out.
   */
  private byte[] jpeg(BufferedImage image) throws IOException {
    ImageWriter writer = jdk(ImageIO.getImageWritersByFormatName("jpeg"));
    try {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(config.jpegQuality());
      IIOMetadata metadata =
          writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
      IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(JPEG_NATIVE_FORMAT);
      Node variety = root.getElementsByTagName("JPEGvariety").item(0);
      while (variety != null && variety.hasChildNodes()) {
        variety.removeChild(variety.getFirstChild());
      }
      metadata.setFromTree(JPEG_NATIVE_FORMAT, root);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
        writer.setOutput(out);
        writer.write(null, new IIOImage(image, null, metadata), param);
      }
      return bytes.toByteArray();
    } finally {
      writer.dispose();
    }
  }

  /**
   * The JPEG decoder's (libjpeg's) warnings for data that ends before the image does: "Premature
   * end of JPEG file", "Corrupt JPEG data: premature end of data segment". Other warnings (such as
   * extraneous bytes before a marker, common in cameras' own files) leave the image whole.
   */
  static boolean truncation(String warning) {
    return warning != null && warning.toLowerCase(java.util.Locale.ROOT).contains("premature end");
  }

  private static ApiException incomplete() {
    return new ApiException(
        ProblemType.UNREADABLE_IMAGE,
        "Unreadable image",
        "The image is incomplete (its data ends early): send the whole file",
        null);
  }

  private static ApiException unreadable() {
    return new ApiException(
        ProblemType.UNREADABLE_IMAGE,
        "Unreadable image",
        "The image could not be decoded: send a JPEG, PNG or WebP photo",
        null);
  }
}
