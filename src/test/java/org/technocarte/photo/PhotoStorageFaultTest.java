package org.technocarte.photo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The database store when PostgreSQL is out of space. Filling a disk is not something a test may do
 * to a shared machine, so a trigger makes PostgreSQL answer the file's INSERT as a full disk does
 * (SQLSTATE 53100, disk_full): the app gets the very error, through the real driver, in the real
 * transaction.
 */
@QuarkusTest
class PhotoStorageFaultTest extends PhotoStorageFault {

  @Inject EntityManager em;

  @Override
  @Transactional
  void breakStorage() {
    em.createNativeQuery(
            """
            CREATE FUNCTION photo_file_disk_full() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              RAISE EXCEPTION 'could not extend file: No space left on device'
                USING ERRCODE = 'disk_full';
            END $$
            """)
        .executeUpdate();
    em.createNativeQuery(
            "CREATE TRIGGER photo_file_disk_full BEFORE INSERT ON photo_file"
                + " FOR EACH ROW EXECUTE FUNCTION photo_file_disk_full()")
        .executeUpdate();
  }

  @Override
  @Transactional
  void repair() {
    em.createNativeQuery("DROP TRIGGER IF EXISTS photo_file_disk_full ON photo_file")
        .executeUpdate();
    em.createNativeQuery("DROP FUNCTION IF EXISTS photo_file_disk_full()").executeUpdate();
  }

  @Override
  long storedFiles() {
    return rows.count("photo_file");
  }
}
