package org.technocarte.backup;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.technocarte.moderation.ModerationFixtures;
import org.technocarte.sighting.SightingFixtures;

/**
 * deploy/backup/backup.sh and restore.sh, run for real on the test database: what the API stored
 * comes back whole in a fresh database (sightings, photos byte for byte, groups, memberships,
 * moderation history, city evidence), and the per-address tables come back empty.
 */
@QuarkusTest
class BackupRestoreTest {

  private static final Path WORK = Path.of("target/backup-test");
  private static final String RESTORED = "technocarte_restore";
  private static final String MONTPELLIER = "2992166";

  /** Tables that must come back row for row; those that must not be empty are marked true. */
  private static final Map<String, Boolean> KEPT = new LinkedHashMap<>();

  static {
    KEPT.put("sighting", true);
    KEPT.put("photo", true);
    KEPT.put("photo_file", true);
    KEPT.put("local_group", true);
    KEPT.put("membership", true);
    KEPT.put("app_user", true);
    KEPT.put("moderation_action", true);
    KEPT.put("city_evidence", true);
    KEPT.put("city_evidence_action", true);
    KEPT.put("confirmation", true);
    KEPT.put("flyway_schema_history", true);
  }

  @Inject ModerationFixtures fixtures;
  @Inject EntityManager em;

  private final Database source = Database.ofConfig();

  @BeforeEach
  void fresh() throws Exception {
    fixtures.clear();
    deleteTree(WORK);
    Files.createDirectories(WORK);
    superuser("DROP DATABASE IF EXISTS " + RESTORED);
  }

  @AfterEach
  void dropRestored() throws Exception {
    superuser("DROP DATABASE IF EXISTS " + RESTORED);
    probes("DROP TABLE IF EXISTS rate_backup_probe, backup_unlogged_probe");
  }

  @Test
  void shouldRestoreEverythingTheApiStoredIntoAFreshDatabase() throws Exception {
    byte[] photo = aMorningOfMapping();
    probes(
        "CREATE TABLE rate_backup_probe (address_key text)",
        "INSERT INTO rate_backup_probe VALUES ('keyed address of the day')",
        "CREATE UNLOGGED TABLE backup_unlogged_probe (address_key text)",
        "INSERT INTO backup_unlogged_probe VALUES ('keyed address of the day')");
    Path dump = WORK.resolve("technocarte.dump");

    Result backup = run(source.env(), "deploy/backup/backup.sh", "--output", dump.toString());
    assertEquals(0, backup.code(), backup.output());
    Result restore =
        run(
            superuserEnv(),
            "deploy/backup/restore.sh",
            "--create",
            "-d",
            RESTORED,
            dump.toString());
    assertEquals(0, restore.code(), restore.output());

    Database restored = source.named(RESTORED);
    for (Map.Entry<String, Boolean> table : KEPT.entrySet()) {
      List<String> before = source.rows(table.getKey());
      if (table.getValue()) {
        assertNotEquals(0, before.size(), table.getKey() + " was filled");
      }
      assertEquals(before, restored.rows(table.getKey()), table.getKey() + " came back whole");
    }
    assertArrayEquals(photo, restored.photoFile(), "the photo, byte for byte");
    assertEquals(0, restored.rows("rate_backup_probe").size(), "per-address rows stay out");
    assertEquals(0, restored.rows("backup_unlogged_probe").size(), "unlogged rows stay out");
    for (String table : restored.tablesLeftOut()) {
      assertEquals(0, restored.rows(table).size(), table + " is left out of backups");
    }

    Result again =
        run(
            superuserEnv(),
            "deploy/backup/restore.sh",
            "--create",
            "-d",
            RESTORED,
            dump.toString());
    assertEquals(5, again.code(), "a database with data is never restored over: " + again.output());
    assertEquals(source.rows("sighting"), restored.rows("sighting"), "and it is left as it was");
  }

  @Test
  void shouldCarryThePhotoFolderOfTheFileSystemStoreBesideTheDump() throws Exception {
    Path folder = WORK.resolve("photos");
    Files.createDirectories(folder);
    byte[] jpeg = jpeg();
    Files.write(folder.resolve("0b7f0b4e-2a39-4a5b-9d0e-6d1b3c1f9a10.jpg"), jpeg);
    Path dump = WORK.resolve("with-folder.dump");

    Result backup =
        run(
            source.env(),
            "deploy/backup/backup.sh",
            "--output",
            dump.toString(),
            "--photos-dir",
            folder.toString());
    assertEquals(0, backup.code(), backup.output());
    assertTrue(Files.isRegularFile(WORK.resolve("with-folder.photos.tar")), backup.output());

    Path into = WORK.resolve("restored-photos");
    Result restore =
        run(
            superuserEnv(),
            "deploy/backup/restore.sh",
            "--create",
            "-d",
            RESTORED,
            "--photos-dir",
            into.toString(),
            dump.toString());
    assertEquals(0, restore.code(), restore.output());
    assertArrayEquals(
        jpeg, Files.readAllBytes(into.resolve("0b7f0b4e-2a39-4a5b-9d0e-6d1b3c1f9a10.jpg")));
  }

  @Test
  void shouldNeverOverwriteABackupOrRestoreOverData() throws Exception {
    Path dump = WORK.resolve("once.dump");
    assertEquals(0, run(source.env(), "deploy/backup/backup.sh", "-o", dump.toString()).code());
    long size = Files.size(dump);

    Result twice = run(source.env(), "deploy/backup/backup.sh", "-o", dump.toString());
    assertEquals(1, twice.code(), twice.output());
    assertEquals(size, Files.size(dump), "the first backup is untouched");
    Result overData = run(source.env(), "deploy/backup/restore.sh", dump.toString());
    assertEquals(5, overData.code(), "the test database has tables: " + overData.output());
    assertEquals(2, run(source.env(), "deploy/backup/restore.sh").code(), "no dump: usage");
  }

  /**
   * Through the API: a moderator of Montpellier, three cameras, a photo, an approval, a
   * confirmation and a council deliberation. Answers the photo as served.
   */
  private byte[] aMorningOfMapping() throws IOException {
    long group = fixtures.group("Technopolice Montpellier", ModerationFixtures.TERRITORY_A);
    fixtures.member(fixtures.user("backup-mod@test.fr", false), group, "moderator");
    ModerationFixtures.Session moderator = ModerationFixtures.login("backup-mod@test.fr");

    JsonPath first =
        SightingFixtures.submit(SightingFixtures.feature(SightingFixtures.MONTPELLIER_COMEDIE))
            .statusCode(201)
            .extract()
            .jsonPath();
    long gare =
        SightingFixtures.submitted(SightingFixtures.feature(SightingFixtures.MONTPELLIER_GARE));
    ObjectNode paris = SightingFixtures.feature(SightingFixtures.PARIS_REPUBLIQUE);
    SightingFixtures.submitted(paris);

    String href =
        given()
            .header("X-Edit-Token", first.getString("properties.editToken"))
            .contentType("image/jpeg")
            .body(jpeg())
            .post("/api/sightings/" + first.getLong("id") + "/photos")
            .then()
            .statusCode(201)
            .extract()
            .path("href");
    moderator
        .as()
        .body(Map.of("version", 0))
        .post("/api/moderation/sightings/" + gare + "/approve")
        .then()
        .statusCode(200);
    given().post("/api/sightings/" + gare + "/confirmations").then().statusCode(201);
    Map<String, Object> deliberation = new HashMap<>();
    deliberation.put("kind", "council_deliberation");
    deliberation.put("title", "Délibération sur la vidéosurveillance algorithmique");
    deliberation.put("publishedOn", "2024-06-27");
    deliberation.put("url", "https://www.montpellier.fr/deliberations/2024-06-27.pdf");
    moderator
        .as()
        .body(deliberation)
        .post("/api/cities/" + MONTPELLIER + "/evidence")
        .then()
        .statusCode(201);
    return given()
        .header("X-Edit-Token", first.getString("properties.editToken"))
        .get(href)
        .then()
        .statusCode(200)
        .extract()
        .asByteArray();
  }

  @Transactional
  void probes(String... statements) {
    for (String statement : statements) {
      em.createNativeQuery(statement).executeUpdate();
    }
  }

  private static byte[] jpeg() throws IOException {
    BufferedImage image = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.ORANGE);
    g.fillRect(0, 0, 60, 80);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpeg", out);
    return out.toByteArray();
  }

  /** A database of the test cluster, reached as the app reaches it. */
  record Database(String host, int port, String name, String user, String password) {

    static Database ofConfig() {
      var config = ConfigProvider.getConfig();
      URI url =
          URI.create(
              config
                  .getValue("quarkus.datasource.jdbc.url", String.class)
                  .substring("jdbc:".length()));
      return new Database(
          url.getHost(),
          url.getPort(),
          url.getPath().substring(1),
          config.getValue("quarkus.datasource.username", String.class),
          config.getValue("quarkus.datasource.password", String.class));
    }

    Database named(String other) {
      return new Database(host, port, other, user, password);
    }

    Map<String, String> env() {
      return Map.of(
          "PGHOST", host,
          "PGPORT", String.valueOf(port),
          "PGUSER", user,
          "PGPASSWORD", password,
          "PGDATABASE", name);
    }

    /** Every row as text, in order: equal lists are equal tables. */
    List<String> rows(String table) {
      return query("SELECT t::text FROM " + table + " t ORDER BY 1");
    }

    byte[] photoFile() throws SQLException {
      try (Connection c = connect();
          ResultSet rs =
              c.createStatement()
                  .executeQuery("SELECT jpeg FROM photo_file WHERE variant = 'full'")) {
        assertTrue(rs.next(), "a photo file");
        return rs.getBytes(1);
      }
    }

    /** The tables whose rows backup.sh leaves out: by name, and every UNLOGGED one. */
    List<String> tablesLeftOut() {
      return query(
          """
          SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relkind = 'r'
            AND (c.relpersistence = 'u' OR c.relname LIKE 'rate\\_%' OR c.relname LIKE 'login\\_%'
                 OR c.relname LIKE 'pow\\_%' OR c.relname LIKE 'used\\_challenge%'
                 OR c.relname LIKE 'address\\_day\\_salt%' OR c.relname LIKE 'export\\_slot%')
          """);
    }

    private List<String> query(String sql) {
      try (Connection c = connect();
          ResultSet rs = c.createStatement().executeQuery(sql)) {
        List<String> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(rs.getString(1));
        }
        return rows;
      } catch (SQLException e) {
        throw new IllegalStateException(sql + " on " + name, e);
      }
    }

    private Connection connect() throws SQLException {
      return DriverManager.getConnection(
          "jdbc:postgresql://" + host + ":" + port + "/" + name, user, password);
    }
  }

  /**
   * The cluster's postgres superuser over its local socket (deploy/local/postgis.sh trusts it): the
   * role that may create a database and its PostGIS extension, as an operator restoring would be.
   */
  private Map<String, String> superuserEnv() {
    String dataDir = System.getenv().getOrDefault("TECHNOCARTE_PG_DIR", "deploy/local/data");
    return Map.of(
        "PGHOST", Path.of(dataDir, "run").toAbsolutePath().toString(),
        "PGPORT", String.valueOf(source.port()),
        "PGUSER", "postgres");
  }

  private void superuser(String sql) throws Exception {
    Result result =
        run(
            superuserEnv(),
            "bash",
            "-c",
            ". deploy/backup/lib.sh; \"$(pg_tool psql)\" -X -q -v ON_ERROR_STOP=1 -d postgres -c \"$0\"",
            sql);
    assertEquals(0, result.code(), result.output());
  }

  record Result(int code, String output) {}

  private static Result run(Map<String, String> env, String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes();
    // A bound, not an assertion on time: a hung script fails the test instead of the build.
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " did not finish");
    }
    String text = new String(output, StandardCharsets.UTF_8);
    System.out.print(text);
    return new Result(process.exitValue(), text);
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
