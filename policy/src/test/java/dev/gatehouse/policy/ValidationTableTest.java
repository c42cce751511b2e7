package dev.gatehouse.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every validation message, pinned by {@code validation-cases.txt}: the text people will read in the console. */
class ValidationTableTest {

    record Case(int line, String section, String document, String problem) {

        @Override
        public String toString() {
            return "line " + line + ": " + problem + "  [" + section + "]";
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusesWithTheMessage(Case c) {
        InvalidPolicyException refused = catchThrowableOfType(InvalidPolicyException.class,
                () -> Policies.parse("custom", c.document()));

        assertThat(refused).as(c.toString()).isNotNull();
        assertThat(refused.problems()).extracting(PolicyProblem::toString).contains(c.problem());
    }

    static Stream<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        String section = "";
        String[] lines = EvaluationTableTest.text("validation-cases.txt").split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("##")) {
                section = line.substring(2).strip();
            } else if (!line.isEmpty() && !line.startsWith("#")) {
                int arrow = line.indexOf(" => ");
                cases.add(new Case(i + 1, section, line.substring(0, arrow), line.substring(arrow + 4)));
            }
        }
        return cases.stream();
    }
}
