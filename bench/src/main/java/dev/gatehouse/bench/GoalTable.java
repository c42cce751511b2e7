package dev.gatehouse.bench;

import java.util.ArrayList;
import java.util.List;

/** Issue 16's goal table as markdown: one line per measure, with whether this run met the goal. */
final class GoalTable {

    private record Line(String measure, String gatehouse, String keycloak, String goal, String verdict) {
    }

    private final List<Line> lines = new ArrayList<>();

    void add(String measure, String gatehouse, String keycloak, String goal, boolean met) {
        lines.add(new Line(measure, gatehouse, keycloak, goal, met ? "met" : "**missed**"));
    }

    /** A line that informs but judges nothing, e.g. a comparison that is not the fair one. */
    void addForReference(String measure, String gatehouse, String keycloak) {
        lines.add(new Line(measure, gatehouse, keycloak, "—", "for reference"));
    }

    /** A ratio goal that could not be judged because Keycloak was not measured. */
    void addUnjudged(String measure, String gatehouse, String keycloak, String goal) {
        lines.add(new Line(measure, gatehouse, keycloak, goal, "not judged"));
    }

    void print() {
        System.out.println("| measure | Gatehouse | Keycloak " + KeycloakDist.VERSION + " | goal | |");
        System.out.println("|---|---:|---:|---|---|");
        for (Line line : lines) {
            System.out.printf("| %s | %s | %s | %s | %s |%n", line.measure(), line.gatehouse(), line.keycloak(),
                    line.goal(), line.verdict());
        }
    }
}
