package dev.gatehouse.cli.config;

import java.util.ArrayList;
import java.util.List;

/**
 * What is between the brackets of a section: a kind ({@code profile}, {@code sso-session}, {@code services})
 * and a name, or a bare name such as {@code default}. Names are split the way botocore splits them (shell
 * words), so {@code [profile "my dev"]} and {@code [profile 'my dev']} name the same profile.
 *
 * @param kind the first word, or empty for a bare section
 * @param name the rest, unquoted
 */
public record SectionHeader(String kind, String name) {

    public static final String PROFILE = "profile";
    public static final String SSO_SESSION = "sso-session";
    public static final String SERVICES = "services";

    public static SectionHeader profile(String name) {
        // The default profile is [default] in the config file; every other is [profile NAME].
        return name.equals("default") ? new SectionHeader("", "default") : new SectionHeader(PROFILE, name);
    }

    public static SectionHeader ssoSession(String name) {
        return new SectionHeader(SSO_SESSION, name);
    }

    public static SectionHeader services(String name) {
        return new SectionHeader(SERVICES, name);
    }

    public static SectionHeader parse(String text) {
        List<String> words = shellWords(text.strip());
        if (words.size() == 2) {
            return new SectionHeader(words.get(0), words.get(1));
        }
        return new SectionHeader("", text.strip());
    }

    /** The header text, quoting a name with whitespace as the AWS CLI does (shell single quotes). */
    public String render() {
        if (kind.isEmpty()) {
            return name;
        }
        boolean needsQuotes = name.chars().anyMatch(Character::isWhitespace);
        return kind + " " + (needsQuotes ? "'" + name.replace("'", "'\"'\"'") + "'" : name);
    }

    private static List<String> shellWords(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
