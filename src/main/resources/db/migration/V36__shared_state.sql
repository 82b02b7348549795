-- The state that every app instance must share: rate-limit buckets, used proof-of-work challenges,
-- login throttles and export slots, plus the random salt of the day that address keys are made with.
--
-- UNLOGGED where losing the rows when PostgreSQL crashes is acceptable, and wanted for what is keyed
-- by a client address: an unlogged table is never written to the WAL, so it never reaches a streaming
-- replica or an archive of WAL, and it is emptied by crash recovery. Backups must leave their data
-- out (pg_dump --exclude-table-data for each of them, see README.md "Contributor safety").

-- The random half of the day's address secret (the other half is technocarte.secret). Deleted once
-- its UTC day is over: from then on nobody, not even the operator, can recompute that day's keys.
CREATE UNLOGGED TABLE address_day_salt (
    day  date PRIMARY KEY,
    salt bytea NOT NULL
);

-- A token bucket per kind and address key. full_at is when the bucket will be full again: a full
-- bucket is the same as no row, so the purge deletes it. Lost at a crash: every address gets its
-- burst again, once.
CREATE UNLOGGED TABLE rate_bucket (
    kind       text             NOT NULL,
    key        text             NOT NULL,
    day        date             NOT NULL,
    capacity   double precision NOT NULL,
    per_second double precision NOT NULL,
    tokens     double precision NOT NULL,
    allowed    boolean          NOT NULL,
    updated_at timestamptz      NOT NULL,
    full_at    timestamptz      NOT NULL,
    PRIMARY KEY (kind, key)
);
CREATE INDEX rate_bucket_full_at ON rate_bucket (full_at);

-- Failed logins, one row each, per account key and per address key (both HMACs of the day: no
-- email and no address here). Lost at a crash: the throttle starts afresh, once.
CREATE UNLOGGED TABLE login_failure (
    key       text        NOT NULL,
    day       date        NOT NULL,
    failed_at timestamptz NOT NULL
);
CREATE INDEX login_failure_key ON login_failure (key, failed_at);
CREATE INDEX login_failure_failed_at ON login_failure (failed_at);

-- Proof-of-work challenges already used, until they expire. Logged: the challenge says nothing of
-- anyone, and after a crash an unlogged table would let every used, unexpired challenge be replayed.
CREATE TABLE used_challenge (
    challenge  text        PRIMARY KEY,
    expires_at timestamptz NOT NULL
);
CREATE INDEX used_challenge_expires_at ON used_challenge (expires_at);

-- Export slots as leases: a download holds no extra connection, and a slot whose instance died
-- (kill -9) comes back when its lease runs out. Lost at a crash: correct, as the downloads died too.
CREATE UNLOGGED TABLE export_slot (
    slot       integer     PRIMARY KEY,
    holder     uuid,
    instance   uuid,
    expires_at timestamptz
);
