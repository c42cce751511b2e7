/**
 * Benchmarks, never run by the build: JMH benchmarks of the in-process hot paths (SigV4 verification,
 * credential minting) and {@link dev.gatehouse.bench.HttpLoadRun}, an HTTP load run against a real server
 * on loopback, and {@link dev.gatehouse.bench.GoalTableRun}, issue 16's goal table beside Keycloak in one run.
 * Figures and how to reproduce them: docs/performance.md.
 */
package dev.gatehouse.bench;
