-- Which node runs a job that only one node may run at a time (the LDAP sync, docs/identity-sources.md), and until
-- when: a node that stops mid-run leaves a lease that simply expires. Times in epoch nanoseconds, like the others.
CREATE TABLE sync_leases (
    name        VARCHAR NOT NULL,
    holder      VARCHAR NOT NULL,
    expires_at  BIGINT  NOT NULL,
    CONSTRAINT pk_sync_leases PRIMARY KEY (name)
);
