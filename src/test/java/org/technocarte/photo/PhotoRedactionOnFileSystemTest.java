package org.technocarte.photo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The covering of photos again, with the photos in a folder instead of the database. */
@QuarkusTest
@TestProfile(FileSystemStoreProfile.class)
class PhotoRedactionOnFileSystemTest extends PhotoRedactionTest {}
