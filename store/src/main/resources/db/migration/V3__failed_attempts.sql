-- Failure counts of the brute-force throttles (sign-in per user name and per source address, user-code entry per
-- person and per address), shared by every server node. Same conventions as V1: instants as BIGINT epoch
-- nanoseconds.
--
-- subject is the SHA-256 of what is counted, never a typed name itself. A row is replaced by a fresh count once
-- its last failure is old enough to forget; a sign-in success deletes its user name's row.
CREATE TABLE failed_attempts (
    subject          VARCHAR NOT NULL,
    failures         INTEGER NOT NULL,
    last_failure_at  BIGINT  NOT NULL,
    CONSTRAINT pk_failed_attempts PRIMARY KEY (subject)
);
