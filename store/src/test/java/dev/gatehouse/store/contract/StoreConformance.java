package dev.gatehouse.store.contract;

/**
 * The whole storage contract of the JDBC store: what any store must do, and what only a database does (its
 * migrations, and instants kept as epoch nanoseconds). A test class per database implements it and hands each
 * test an empty store.
 */
public interface StoreConformance extends RepositoryConformance, InstantContract, MigrationContract {
}
