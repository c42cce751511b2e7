/**
 * Storage for Gatehouse: {@link dev.gatehouse.store.Database} opens H2 or PostgreSQL, migrates the schema with
 * Flyway and hands out a {@link dev.gatehouse.core.Store} backed by JDBI.
 */
package dev.gatehouse.store;
