package org.technocarte.photo;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.IptcRecord;
import org.apache.commons.imaging.formats.jpeg.iptc.IptcTypes;
import org.apache.commons.imaging.formats.jpeg.iptc.JpegIptcRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.PhotoshopApp13Data;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffImageWriterLossy;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/**
 * Photos made by the tests, carrying what a phone puts in them: where (GPS), with what (make,
 * model), when, and XMP/IPTC/text chunks. Marker words let a test look for them in any bytes.
 */
public final class TestImages {

  /** Words written into the metadata of test photos; none may be found in what is served. */
  static final String MAKE = "SpyPhoneMaker";

  static final String MODEL = "TrackerCam 3000";
  static final String XMP_WORD = "WalkerHomeAddress";
  static final String IPTC_WORD = "WalkerFullName";
  static final String PNG_TEXT_WORD = "WalkerEmailAddress";

  /** Place de la Comédie, Montpellier, where the walker stood. */
  static final double LON = 3.87967;

  static final double LAT = 43.60851;

  private TestImages() {}

  /** A landscape picture, red on the left half and blue on the right. */
  static BufferedImage landscape(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, width / 2, height);
    g.setColor(Color.BLUE);
    g.fillRect(width / 2, 0, width - width / 2, height);
    g.dispose();
    return image;
  }

  /** A camera-sized JPEG as the map's tests send it: 2000×1500, red and blue. */
  public static byte[] walkerJpeg() {
    return plainJpeg(landscape(2000, 1500));
  }

  /**
   * Every header of a JPEG (tables, frame, the start of the scan) and not a byte of image data: a
   * decoder that does not check would paint the whole frame grey.
   */
  public static byte[] jpegWithoutImageData(byte[] jpeg) {
    int at = 2; // after SOI
    while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
      int marker = jpeg[at + 1] & 0xFF;
      int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
      at += 2 + length;
      if (marker == 0xDA) {
        return java.util.Arrays.copyOf(jpeg, at);
      }
    }
    throw new IllegalArgumentException("no start of scan in this JPEG");
  }

  /** The first part of a file, as a connection lost mid-upload leaves it. */
  public static byte[] cut(byte[] file, double kept) {
    return java.util.Arrays.copyOf(file, (int) (file.length * kept));
  }

  static byte[] plainJpeg(BufferedImage image) {
    return write(image, "jpeg");
  }

  /** A JPEG as a phone writes it: EXIF with GPS, make, model, date and orientation; XMP; IPTC. */
  static byte[] phoneJpeg(BufferedImage image, int orientation) {
    try {
      ByteArrayOutputStream withExif = new ByteArrayOutputStream();
      new ExifRewriter().updateExifMetadataLossless(plainJpeg(image), withExif, exif(orientation));
      ByteArrayOutputStream withXmp = new ByteArrayOutputStream();
      new JpegXmpRewriter().updateXmpXml(withExif.toByteArray(), withXmp, xmp());
      ByteArrayOutputStream withIptc = new ByteArrayOutputStream();
      new JpegIptcRewriter()
          .writeIptc(
              withXmp.toByteArray(),
              withIptc,
              new PhotoshopApp13Data(
                  List.of(new IptcRecord(IptcTypes.CITY, IPTC_WORD)), List.of()));
      return withIptc.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** EXIF as TIFF bytes (for WebP's EXIF chunk), with GPS and the camera's names. */
  static byte[] exifTiff(int orientation) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      new TiffImageWriterLossy(ByteOrder.BIG_ENDIAN).write(out, exif(orientation));
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TiffOutputSet exif(int orientation) throws IOException {
    TiffOutputSet set = new TiffOutputSet(ByteOrder.BIG_ENDIAN);
    TiffOutputDirectory root = set.getOrCreateRootDirectory();
    root.add(TiffTagConstants.TIFF_TAG_MAKE, MAKE);
    root.add(TiffTagConstants.TIFF_TAG_MODEL, MODEL);
    root.add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
    set.getOrCreateExifDirectory()
        .add(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL, "2026:11:28 09:41:00");
    set.setGpsInDegrees(LON, LAT);
    return set;
  }

  private static String xmp() {
    return "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF"
        + " xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description"
        + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator>"
        + XMP_WORD
        + "</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>";
  }

  /** A PNG with a tEXt chunk naming its author. */
  static byte[] pngWithText(BufferedImage image) {
    try {
      ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
      IIOMetadata metadata =
          writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
      IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
      entry.setAttribute("keyword", "Author");
      entry.setAttribute("value", PNG_TEXT_WORD);
      IIOMetadataNode text = new IIOMetadataNode("tEXt");
      text.appendChild(entry);
      IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
      root.appendChild(text);
      metadata.mergeTree("javax_imageio_png_1.0", root);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
        writer.setOutput(out);
        writer.write(new IIOImage(image, null, metadata));
      }
      writer.dispose();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A WebP with EXIF (GPS and all): the lossless 64×48 picture of `photo/plain.webp` (made with
   * Debian's `cwebp -lossless` from a generated PPM) wrapped in the extended format (VP8X) with an
   * EXIF chunk, as phones and editors write it.
   */
  static byte[] webpWithExif() {
    byte[] plain = resource("/photo/plain.webp");
    // The image chunk of the simple file: everything after "RIFF" <size> "WEBP".
    byte[] imageChunk = java.util.Arrays.copyOfRange(plain, 12, plain.length);
    byte[] exif = exifTiff(1);
    ByteBuffer vp8x = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
    vp8x.put((byte) 0x08); // EXIF present
    vp8x.put(new byte[3]);
    putUint24(vp8x, 64 - 1);
    putUint24(vp8x, 48 - 1);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
    body.writeBytes(chunk("VP8X", vp8x.array()));
    body.writeBytes(imageChunk);
    body.writeBytes(chunk("EXIF", exif));
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
    file.writeBytes(le32(body.size()));
    file.writeBytes(body.toByteArray());
    return file.toByteArray();
  }

  /** A PNG of a few dozen bytes whose header declares width × height pixels. */
  static byte[] pngBomb(int width, int height) {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    ByteBuffer ihdr = ByteBuffer.allocate(13);
    ihdr.putInt(width).putInt(height).put((byte) 8).put((byte) 2).put(new byte[3]);
    file.writeBytes(pngChunk("IHDR", ihdr.array()));
    // A zlib stream of zeros would inflate to gigabytes: it is never reached.
    file.writeBytes(pngChunk("IDAT", new byte[] {0x78, (byte) 0x9C, 0x63, 0, 0, 0, 1, 0, 1}));
    file.writeBytes(pngChunk("IEND", new byte[0]));
    return file.toByteArray();
  }

  static Metadata metadata(byte[] image) {
    try {
      return ImageMetadataReader.readMetadata(new ByteArrayInputStream(image), image.length);
    } catch (Exception e) {
      throw new IllegalStateException("metadata-extractor could not read the image", e);
    }
  }

  /** The names of the metadata directories found, e.g. "GPS", "Exif IFD0", "XMP", "IPTC". */
  static List<String> directories(byte[] image) {
    return java.util.stream.StreamSupport.stream(
            metadata(image).getDirectories().spliterator(), false)
        .map(Directory::getName)
        .toList();
  }

  static BufferedImage decode(byte[] image) {
    try {
      return ImageIO.read(new ByteArrayInputStream(image));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] resource(String path) {
    try (InputStream in = TestImages.class.getResourceAsStream(path)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] write(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] chunk(String fourCc, byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(fourCc.getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(le32(data.length));
    out.writeBytes(data);
    if (data.length % 2 == 1) {
      out.write(0);
    }
    return out.toByteArray();
  }

  private static byte[] pngChunk(String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    return ByteBuffer.allocate(12 + data.length)
        .putInt(data.length)
        .put(typeBytes)
        .put(data)
        .putInt((int) crc.getValue())
        .array();
  }

  private static byte[] le32(int value) {
    return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
  }

  private static void putUint24(ByteBuffer buffer, int value) {
    buffer.put((byte) value).put((byte) (value >> 8)).put((byte) (value >> 16));
  }
}
