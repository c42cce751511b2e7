package dev.gatehouse.server.ssoadmin;

import dev.gatehouse.server.awsjson.PageTokens;
import dev.gatehouse.server.http.JsonRequestBody;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Input members several operations share, checked against the model, and the paging of the list operations. */
final class SsoInputs {

    /** The model's MaxResults bounds; a list without it gets a full page. */
    static final int MAX_RESULTS = 100;
    /** TagList and TagKeyList: at most 75. */
    static final int MAX_TAGS = 75;

    private SsoInputs() {
    }

    static int maxResults(JsonRequestBody body) {
        Integer value = body.optionalInteger("MaxResults");
        if (value == null) {
            return MAX_RESULTS;
        }
        if (value < 1 || value > MAX_RESULTS) {
            throw SsoString.invalid("MaxResults", "Member must have value between 1 and " + MAX_RESULTS);
        }
        return value;
    }

    /** Where the list {@code list} resumes, null for its start. */
    static String position(JsonRequestBody body, String list) {
        return PageTokens.position(list, SsoString.TOKEN.optional(body, "NextToken"));
    }

    /** One of the model's enum values, or null when absent and not required. */
    static String enumValue(JsonRequestBody body, String member, List<String> values, boolean required) {
        String value = body.optionalString(member);
        if (value == null) {
            if (required) {
                throw SsoString.invalid(member, "Member must not be null");
            }
            return null;
        }
        if (!values.contains(value)) {
            throw SsoString.invalid(member, "Member must satisfy enum value set: " + values);
        }
        return value;
    }

    /** A TagList as key → value, or null when absent. */
    static Map<String, String> tags(JsonRequestBody body, String member) {
        List<JsonRequestBody> tags = body.optionalObjectList(member);
        if (tags == null) {
            return null;
        }
        if (tags.size() > MAX_TAGS) {
            throw SsoString.invalid(member, "Member must have length less than or equal to " + MAX_TAGS);
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (JsonRequestBody tag : tags) {
            map.put(SsoString.TAG_KEY.required(tag, "Key"), SsoString.TAG_VALUE.required(tag, "Value"));
        }
        return map;
    }

    static List<Map<String, String>> tagList(Map<String, String> tags) {
        return tags.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(tag -> Map.of("Key", tag.getKey(), "Value", tag.getValue())).toList();
    }

    /**
     * One page of a list held whole in memory (a permission set's policies, an account's assignments), resumed by
     * position: {@code member} holds the page, {@code NextToken} is set when more follow.
     */
    static <T> Map<String, Object> page(JsonRequestBody body, String list, String member, List<T> all,
                                        Function<T, Object> shape) {
        int limit = maxResults(body);
        String position = position(body, list);
        int from = 0;
        if (position != null) {
            try {
                from = Integer.parseInt(position);
            } catch (NumberFormatException e) {
                throw SsoString.invalid("NextToken", "The NextToken is not one this list returned.");
            }
        }
        int to = Math.min(all.size(), Math.max(from, 0) + limit);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put(member, all.subList(Math.min(Math.max(from, 0), all.size()), to).stream().map(shape).toList());
        if (to < all.size()) {
            page.put("NextToken", PageTokens.next(list, String.valueOf(to)));
        }
        return page;
    }
}
