package dev.gatehouse.cli.commands;

import dev.gatehouse.cli.CliException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import dev.gatehouse.cli.CliEnvironment;

/**
 * Asks the AWS CLI's questions ({@code Label [current]: }) on standard output and reads the answers line by line
 * from standard input, a terminal or a pipe alike, so scripts and tests can answer them. An empty answer keeps
 * the value in brackets; the end of input answers every remaining question with its default.
 */
final class Prompter {

    private final BufferedReader in;
    private final PrintStream out;

    Prompter(CliEnvironment environment) {
        this.in = new BufferedReader(new InputStreamReader(environment.in(), StandardCharsets.UTF_8));
        this.out = environment.out();
    }

    /** A value, or {@code current} (possibly null) on an empty answer. */
    String ask(String label, String current) {
        return ask(label + " [" + (current == null ? "None" : current) + "]: ", current, value -> true, null);
    }

    /**
     * @param prompt    the whole prompt text
     * @param valid     whether an answer (or the kept current value) is acceptable
     * @param complaint printed when it is not, before asking again
     */
    String ask(String prompt, String current, Predicate<String> valid, String complaint) {
        while (true) {
            out.print(prompt);
            out.flush();
            String line = readLine();
            if (line == null) {
                // No more input: keep the default, or stop when there is none to keep.
                out.println();
                if (current != null && valid.test(current)) {
                    return current;
                }
                throw CliException.usage("no answer for '" + prompt.strip() + "' (standard input ended)");
            }
            String answer = line.strip().isEmpty() ? current : line.strip();
            if (answer != null && valid.test(answer)) {
                return answer;
            }
            if (answer == null && complaint == null) {
                return null;
            }
            out.println(complaint != null ? complaint : "A value is required");
        }
    }

    /**
     * Lets the person pick one of several items: a numbered list, answered by number or by the item's own id.
     * The first is the default, as the AWS CLI's menu starts on it.
     */
    <T> T choose(String label, List<T> items, Function<T, String> display, Function<T, String> id) {
        for (int i = 0; i < items.size(); i++) {
            out.printf("  %d) %s%n", i + 1, display.apply(items.get(i)));
        }
        String answer = ask(label + " (number or name) [1]: ", "1",
                value -> indexOf(value, items, id) >= 0, "Answer with a number from 1 to " + items.size());
        return items.get(indexOf(answer, items, id));
    }

    private static <T> int indexOf(String answer, List<T> items, Function<T, String> id) {
        for (int i = 0; i < items.size(); i++) {
            if (id.apply(items.get(i)).equals(answer)) {
                return i;
            }
        }
        try {
            int number = Integer.parseInt(answer);
            return number >= 1 && number <= items.size() ? number - 1 : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private String readLine() {
        try {
            return in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input", e);
        }
    }
}
