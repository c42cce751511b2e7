package dev.gatehouse.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RendererTest {

    private static Map<String, Object> identity() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("UserId", "AROAEXAMPLE:ed.developer");
        result.put("Account", "111122223333");
        result.put("Arn", "arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_PowerUserAccess_0123/ed.developer");
        return result;
    }

    @Test
    void jsonThenFourSpaceIndentAsTheAwsCli() {
        assertThat(Renderer.render(OutputFormat.JSON, "GetCallerIdentity", identity())).isEqualTo("""
                {
                    "UserId": "AROAEXAMPLE:ed.developer",
                    "Account": "111122223333",
                    "Arn": "arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_PowerUserAccess_0123/ed.developer"
                }
                """);
    }

    @Test
    void textThenValuesTabSeparatedInKeyOrder() {
        assertThat(Renderer.render(OutputFormat.TEXT, "GetCallerIdentity", identity())).isEqualTo(
                "111122223333\tarn:aws:sts::111122223333:assumed-role/AWSReservedSSO_PowerUserAccess_0123/"
                        + "ed.developer\tAROAEXAMPLE:ed.developer\n");
    }

    @Test
    void yamlThenNumericStringsQuoted() {
        assertThat(Renderer.render(OutputFormat.YAML, "GetCallerIdentity", identity())).isEqualTo("""
                UserId: AROAEXAMPLE:ed.developer
                Account: '111122223333'
                Arn: arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_PowerUserAccess_0123/ed.developer
                """);
    }

    @Test
    void tableThenTitledBoxWithEveryValue() {
        String table = Renderer.render(OutputFormat.TABLE, "GetCallerIdentity", identity());

        assertThat(table.lines().toList()).allSatisfy(line -> assertThat(line).hasSize(table.lines().findFirst()
                .orElseThrow().length()));
        assertThat(table).contains("GetCallerIdentity").contains("|  111122223333").contains("AROAEXAMPLE:ed.developer");
    }

    @Test
    void listsThenOneLineOrItemEach() {
        Map<String, Object> result = Map.of("Sessions", List.of(Map.of("SessionName", "a", "Expired", false),
                Map.of("SessionName", "b", "Expired", true)));

        assertThat(Renderer.render(OutputFormat.TEXT, "Sessions", result))
                .isEqualTo("SESSIONS\tFalse\ta\nSESSIONS\tTrue\tb\n");
        assertThat(Renderer.render(OutputFormat.YAML, "Sessions", Map.of("Sessions",
                List.of(new LinkedHashMap<>(Map.of("SessionName", "a")))))).isEqualTo("Sessions:\n- SessionName: a\n");
    }
}
