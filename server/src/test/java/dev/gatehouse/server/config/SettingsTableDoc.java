package dev.gatehouse.server.config;

import java.util.stream.Collectors;

/** The settings table of docs/configuration.md, written from {@link ConfigKeys}: one line per row. */
final class SettingsTableDoc {

    static final String BEGIN = "<!-- settings table: generated from ConfigKeys by ConfigurationDocTest; edit the rows"
            + " there, then run it with -Dgatehouse.writeDocs=true -->";
    static final String END = "<!-- end of settings table -->";

    private SettingsTableDoc() {
    }

    /** {@code doc} with the text between the markers replaced by the table. */
    static String replaceTable(String doc) {
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("the doc has no settings table markers");
        }
        return doc.substring(0, begin) + BEGIN + "\n\n" + table() + "\n" + doc.substring(end);
    }

    static String table() {
        return "| key | variable | default | accepts | meaning |\n|---|---|---|---|---|\n"
                + ConfigKeys.ALL.stream().map(SettingsTableDoc::line).collect(Collectors.joining());
    }

    private static String line(Setting<?> setting) {
        String key = setting.environmentOnly() ? "—" : "`" + setting.key() + "`";
        return "| " + key + " | `" + setting.variable() + "` | " + setting.documentedDefault() + " | "
                + setting.type().accepted() + " | " + setting.description() + " |\n";
    }
}
