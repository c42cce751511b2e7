-- Nested groups (docs/scim.md): a group may be a member of another group, and what is assigned to the outer group
-- reaches the members of every group nested in it. Core refuses cycles and chains deeper than 16 before a row is
-- written; the queries that follow nestings stop at that depth too. A nesting goes with either of its groups.
CREATE TABLE group_nestings (
    parent_group_id  VARCHAR NOT NULL,
    child_group_id   VARCHAR NOT NULL,
    CONSTRAINT pk_group_nestings PRIMARY KEY (parent_group_id, child_group_id),
    CONSTRAINT ck_group_nestings_not_self CHECK (parent_group_id <> child_group_id),
    CONSTRAINT fk_group_nestings_parent FOREIGN KEY (parent_group_id) REFERENCES directory_groups (group_id) ON DELETE CASCADE,
    CONSTRAINT fk_group_nestings_child FOREIGN KEY (child_group_id) REFERENCES directory_groups (group_id) ON DELETE CASCADE
);
-- Access follows nestings upward, from the groups a user is in to the groups those are nested in.
CREATE INDEX ix_group_nestings_child ON group_nestings (child_group_id, parent_group_id);
