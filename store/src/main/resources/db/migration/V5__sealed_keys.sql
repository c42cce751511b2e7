-- Sealing keys are stored wrapped (AES-256-GCM) under the master key, which lives outside the database
-- (docs/keys.md). Rows written before this migration hold the plain secret (wrapped = FALSE) until the next
-- start wraps them, in the same transaction that checks the master key.
ALTER TABLE sealing_keys ADD COLUMN wrapped BOOLEAN DEFAULT FALSE NOT NULL;
