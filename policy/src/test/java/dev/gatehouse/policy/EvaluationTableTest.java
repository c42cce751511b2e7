package dev.gatehouse.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The evaluation table, {@code evaluation-cases.txt}: each {@code ##} section cites the IAM documentation it comes
 * from and sets up its policies; each following line is one request and the decision the documentation gives.
 * The file's header explains the notation.
 */
class EvaluationTableTest {

    private final PolicyEvaluator evaluator = new PolicyEvaluator();

    record Case(int line, String section, List<Policy> policies, Optional<Policy> boundary, String action,
            String resource, ContextKeys context, Decision.Outcome expected, Integer decidingIndex, String text) {

        @Override
        public String toString() {
            return "line " + line + ": " + text + "  [" + section + "]";
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decidesAsTheDocumentationSays(Case c) {
        Decision decision = evaluator.evaluate(new PolicySet(c.policies(), c.boundary()),
                new AccessRequest(c.action(), c.resource(), c.context()));

        assertThat(decision.outcome()).as(c + " -- " + decision.reason()).isEqualTo(c.expected());
        assertThat(decision.statement().isPresent()).isEqualTo(c.expected() != Decision.Outcome.IMPLICIT_DENY);
        if (c.decidingIndex() != null) {
            assertThat(decision.statement().orElseThrow().index()).as(c + " -- " + decision.reason()).isEqualTo(c.decidingIndex());
        }
    }

    static Stream<Case> cases() throws IOException {
        return read("evaluation-cases.txt").stream();
    }

    static List<Case> read(String resource) throws IOException {
        List<Case> cases = new ArrayList<>();
        String section = "";
        List<Policy> policies = new ArrayList<>();
        Optional<Policy> boundary = Optional.empty();
        String[] lines = text(resource).split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") && !line.startsWith("##")) {
                continue;
            }
            if (line.startsWith("##")) {
                section = line.substring(2).strip();
                policies = new ArrayList<>();
                boundary = Optional.empty();
            } else if (line.startsWith("policy:")) {
                policies.add(Policies.parse("policy" + policies.size(), line.substring(7).strip()));
            } else if (line.startsWith("managed:")) {
                policies.add(ManagedPolicies.find(line.substring(8).strip()).orElseThrow());
            } else if (line.startsWith("boundary:")) {
                boundary = Optional.of(Policies.parse("boundary", line.substring(9).strip()));
            } else {
                cases.add(requestLine(i + 1, section, List.copyOf(policies), boundary, line));
            }
        }
        return cases;
    }

    /** {@code action resource [key=value|value ...] -> OUTCOME [statement index]  # note} */
    private static Case requestLine(int number, String section, List<Policy> policies, Optional<Policy> boundary,
            String line) {
        String request = line.contains("#") ? line.substring(0, line.indexOf(" #")).strip() : line;
        String[] sides = request.split("->");
        String[] words = sides[0].strip().split("\\s+");
        String[] expected = sides[1].strip().split("\\s+");
        Map<String, List<String>> context = new LinkedHashMap<>();
        for (int w = 2; w < words.length; w++) {
            int eq = words[w].indexOf('=');
            String values = words[w].substring(eq + 1);
            context.put(words[w].substring(0, eq), values.equals("[]") ? List.of()
                    : List.of(values.replace("\\s", " ").split("\\|", -1)));
        }
        return new Case(number, section, policies, boundary, words[0], words[1], ContextKeys.of(context),
                Decision.Outcome.valueOf(expected[0]), expected.length > 1 ? Integer.valueOf(expected[1]) : null,
                line);
    }

    static String text(String resource) throws IOException {
        try (InputStream in = EvaluationTableTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
