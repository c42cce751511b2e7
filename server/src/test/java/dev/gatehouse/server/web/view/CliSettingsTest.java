package dev.gatehouse.server.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.server.web.view.StartView.RoleView;
import java.util.List;
import org.junit.jupiter.api.Test;

class CliSettingsTest {

    @Test
    void shellWordWhenPlainThenAsIsElseSingleQuoted() {
        assertThat(CliSettings.shellWord("https://sso.example.com:8443/start")).isEqualTo(
                "https://sso.example.com:8443/start");
        assertThat(CliSettings.shellWord("Admin+Ops=1,x@y.z")).isEqualTo("Admin+Ops=1,x@y.z");
        assertThat(CliSettings.shellWord("http://h/start?a=1&b=2")).isEqualTo("'http://h/start?a=1&b=2'");
        assertThat(CliSettings.shellWord("it's")).isEqualTo("'it'\\''s'");
    }

    @Test
    void gatehouseCommandQuotesWhatTheShellWouldSplit() {
        CliSettings cli = new CliSettings("http://h/start?x=1&y=2", "eu-west-1", "http://h", List.of());

        assertThat(cli.gatehouseCommand("111122223333", "PowerUserAccess")).contains(
                "--start-url 'http://h/start?x=1&y=2' --region eu-west-1");
    }

    @Test
    void roleElementIdsDifferWheneverRoleNamesDo() {
        List<String> names = List.of("Dev.Ops", "Dev_Ops", "Dev-Ops", "Dev@Ops", "Dev-002eOps", "DevOps");

        assertThat(names.stream().map(n -> new RoleView("111122223333", n, "", false).elementId()).toList())
                .doesNotHaveDuplicates().allMatch(id -> id.matches("role-111122223333-[A-Za-z0-9_-]+"));
    }
}
