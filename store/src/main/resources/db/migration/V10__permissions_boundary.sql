-- The AWS managed policy (by name) that caps what a permission set's other policies allow; null for none.
ALTER TABLE permission_sets ADD COLUMN permissions_boundary VARCHAR;
