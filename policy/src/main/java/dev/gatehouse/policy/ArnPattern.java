package dev.gatehouse.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * An ARN in {@code Resource}, {@code NotResource} or an {@code Arn*} condition, matched segment by segment
 * ({@code arn:partition:service:region:account:resource}, the resource part may itself contain {@code :} and
 * {@code /}), case-sensitively. Wildcards stay within their segment, except that a pattern with fewer than six
 * segments whose last segment ends in {@code *} matches the rest of the ARN (IAM JSON policy elements: Resource,
 * "Using wildcards in resource ARNs"). {@code *} alone matches every resource.
 */
final class ArnPattern {

    private static final int SEGMENTS = 6;

    private final String raw;
    private final List<WildcardText> segments;
    private final boolean everything;

    private ArnPattern(String raw, List<WildcardText> segments, boolean everything) {
        this.raw = raw;
        this.segments = segments;
        this.everything = everything;
    }

    /** @throws IllegalArgumentException saying what is wrong with the ARN */
    static ArnPattern parse(String raw, boolean variables) {
        if (raw.equals("*")) {
            return new ArnPattern(raw, List.of(), true);
        }
        List<String> texts = split(raw, variables);
        if (!texts.get(0).equals("arn")) {
            throw new IllegalArgumentException(raw + " is not an ARN (arn:partition:service:region:account:resource) or *");
        }
        if (texts.size() < SEGMENTS && !raw.endsWith("*")) {
            throw new IllegalArgumentException(raw + " has " + texts.size()
                    + " of the 6 ARN segments arn:partition:service:region:account:resource");
        }
        if (texts.size() > 1 && texts.get(1).isEmpty()) {
            throw new IllegalArgumentException(raw + " has no partition (e.g. arn:aws:...)");
        }
        if (texts.size() > 2 && texts.size() == SEGMENTS && texts.get(2).isEmpty()) {
            throw new IllegalArgumentException(raw + " has no service (e.g. arn:aws:s3:...)");
        }
        List<WildcardText> segments = new ArrayList<>();
        for (String text : texts) {
            segments.add(new WildcardText(PolicyString.parse(text, variables), false));
        }
        return new ArnPattern(raw, List.copyOf(segments), false);
    }

    /** Splits at the first five colons outside policy variables ({@code ${aws:username}} has its own colon). */
    private static List<String> split(String raw, boolean variables) {
        List<String> texts = new ArrayList<>(SEGMENTS);
        int start = 0;
        int depth = 0;
        for (int i = 0; i < raw.length() && texts.size() < SEGMENTS - 1; i++) {
            char c = raw.charAt(i);
            if (variables && c == '$' && i + 1 < raw.length() && raw.charAt(i + 1) == '{') {
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
            } else if (c == ':' && depth == 0) {
                texts.add(raw.substring(start, i));
                start = i + 1;
            }
        }
        texts.add(raw.substring(start));
        return texts;
    }

    boolean hasVariables() {
        return raw.contains("${");
    }

    boolean matches(String arn, ContextKeys context) {
        if (everything) {
            return true;
        }
        int start = 0;
        for (int segment = 0; segment < segments.size(); segment++) {
            Glob glob = segments.get(segment).glob(context);
            if (glob == null) {
                return false;
            }
            boolean last = segment == segments.size() - 1;
            // Segments 1-5 end at the next colon; the sixth, or a shorter pattern's trailing *, runs to the end.
            int end = last ? arn.length() : arn.indexOf(':', start);
            if (end < 0 || !glob.matches(arn, start, end)) {
                return false;
            }
            start = end + 1;
        }
        return true;
    }

    @Override
    public String toString() {
        return raw;
    }
}
