package dev.gatehouse.core.testing;

import dev.gatehouse.core.password.PasswordHistoryRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Each user's latest password hashes, numbered by generation so that equal instants still have an order. */
final class InMemoryPasswordHistory implements PasswordHistoryRepository {

    /** One remembered password of a user: the generation counts the user's passwords from 1. */
    record Generation(int generation, String passwordHash, Instant setAt) { }

    private final InMemoryTables tables;
    private final Statements statements;

    InMemoryPasswordHistory(InMemoryTables tables, Statements statements) {
        this.tables = tables;
        this.statements = statements;
    }

    @Override
    public List<String> latest(String userId) {
        return statements.read("PasswordHistoryRepository.latest", () -> tables.passwordHistory.get(userId)
                .orElse(List.of()).reversed().stream()
                .map(Generation::passwordHash)
                .toList());
    }

    @Override
    public void record(String userId, String passwordHash, Instant setAt, int keep) {
        statements.run(() -> {
            tables.requireUser(userId);
            List<Generation> kept = new ArrayList<>(tables.passwordHistory.get(userId).orElse(List.of()));
            int generation = kept.isEmpty() ? 1 : kept.getLast().generation() + 1;
            kept.add(new Generation(generation, passwordHash, setAt));
            kept.removeIf(g -> g.generation() <= generation - keep);
            tables.passwordHistory.put(userId, List.copyOf(kept));
        });
    }
}
