-- Photos of a sighting. The files (re-encoded, without metadata) are in the photo store under the
-- photo's id; this table holds what the API lists. Nothing about who sent them.
CREATE TABLE photo (
    id               uuid PRIMARY KEY,
    sighting_id      bigint  NOT NULL REFERENCES sighting (id) ON DELETE CASCADE,
    width            integer NOT NULL CHECK (width BETWEEN 1 AND 10000),
    height           integer NOT NULL CHECK (height BETWEEN 1 AND 10000),
    thumbnail_width  integer NOT NULL CHECK (thumbnail_width BETWEEN 1 AND 10000),
    thumbnail_height integer NOT NULL CHECK (thumbnail_height BETWEEN 1 AND 10000),
    byte_size        integer NOT NULL CHECK (byte_size > 0),
    created_at       timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX photo_sighting_idx ON photo (sighting_id, created_at);
