-- The re-encoded files of photos, when they are kept in the database (technocarte.photos.store =
-- database, the default): every instance reads the same photos and a pg_dump holds them. A file row
-- belongs to its photo row: both are written in one transaction, and erasing a photo (or its
-- sighting) erases its files with it.
CREATE TABLE photo_file (
    photo_id uuid  NOT NULL REFERENCES photo (id) ON DELETE CASCADE,
    variant  text  NOT NULL CHECK (variant IN ('full', 'thumbnail')),
    -- At most about 1 MB (2048 px JPEG) and 30 KB (thumbnail): TOASTed out of line either way.
    jpeg     bytea NOT NULL CHECK (octet_length(jpeg) > 0),
    PRIMARY KEY (photo_id, variant)
);

-- JPEG is compressed already: TOAST would try to compress each file again for nothing.
ALTER TABLE photo_file ALTER COLUMN jpeg SET STORAGE EXTERNAL;
