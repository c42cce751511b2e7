package dev.gatehouse.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.server.http.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** GATEHOUSE_LOG_FORMAT and GATEHOUSE_LOG_LEVEL as the log shows them. */
class LogSetupTest {

    private static final Logger LOG = LoggerFactory.getLogger(LogSetupTest.class);

    @AfterEach
    void restore() {
        LogSetup.apply(LogFormat.PLAIN, "info");
    }

    @Test
    void jsonWhenALineIsLoggedThenOneObjectWithLevelMessageAndItsKeyValues() throws Exception {
        List<String> lines = logged(LogFormat.JSON, "info", () -> LOG.atInfo().addKeyValue("requestId", "r-1")
                .log("answered {}", "GET /start"));

        assertThat(lines).singleElement().satisfies(line -> {
            JsonNode json = Json.MAPPER.readTree(line);
            assertThat(json.path("level").asText()).isEqualTo("INFO");
            assertThat(json.path("loggerName").asText()).isEqualTo(LogSetupTest.class.getName());
            assertThat(json.path("formattedMessage").asText()).isEqualTo("answered GET /start");
            assertThat(json.path("kvpList").toString()).contains("\"requestId\":\"r-1\"");
        });
    }

    @Test
    void plainWhenLevelIsWarnThenInfoIsLeftOutAndWarnIsOneLine() {
        List<String> lines = logged(LogFormat.PLAIN, "warn", () -> {
            LOG.info("left out");
            LOG.warn("kept");
        });

        assertThat(lines).singleElement().satisfies(line -> assertThat(line)
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z WARN  .* - kept"));
    }

    private static List<String> logged(LogFormat format, String level, Runnable logging) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            LogSetup.apply(format, level);
            logging.run();
        } finally {
            System.setErr(original);
        }
        // This test's lines only: Jazzer, loaded for the fuzz tests in this JVM, reports classes it instruments.
        return captured.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.contains(LogSetupTest.class.getName())).toList();
    }
}
