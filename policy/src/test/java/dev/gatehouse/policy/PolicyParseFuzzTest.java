package dev.gatehouse.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whatever a person pastes as a policy, parsing either succeeds or fails with {@link InvalidPolicyException}
 * carrying at least one problem; any other exception would be a 500 in the server. A parsed policy must then
 * evaluate any request without failing. The fuzzer picks between free text and a document shaped like a policy
 * around its own pieces, so inputs get past the JSON stage into the statement and condition parsers.
 */
class PolicyParseFuzzTest {

    private static final List<String> OPERATORS = List.of("StringEquals", "StringLike", "NumericLessThan",
            "DateGreaterThan", "Bool", "BinaryEquals", "IpAddress", "ArnLike", "Null", "ForAllValues:StringNotEquals",
            "ForAnyValue:StringLikeIfExists", "NotIpAddressIfExists");

    @FuzzTest(maxDuration = "10s")
    void parseFailsOnlyWithItsOwnException(FuzzedDataProvider data) {
        String document = data.consumeBoolean() ? data.consumeString(500) : shaped(data);
        Policy policy;
        try {
            policy = Policies.parse(data.consumeBoolean() ? Policies.INLINE : "custom", document);
        } catch (InvalidPolicyException e) {
            assertThat(e.problems()).isNotEmpty();
            return;
        }
        // The fuzzer may pick "aws:username" as its own key too; the later value wins, as in a request.
        Map<String, List<String>> keys = new HashMap<>();
        keys.put(data.consumeString(20), List.of(data.consumeString(40)));
        keys.put("aws:username", List.of(data.consumeString(20)));
        ContextKeys context = ContextKeys.of(keys);
        Decision decision = new PolicyEvaluator().evaluate(PolicySet.of(List.of(policy)),
                new AccessRequest(oneAction(data.consumeString(40)), data.consumeString(80), context));
        assertThat(decision.reason()).isNotBlank();
    }

    /** A request names one action, never a pattern ({@link AccessRequest} refuses {@code *} and {@code ?}). */
    private static String oneAction(String text) {
        return text.replace("*", "").replace("?", "");
    }

    private static String shaped(FuzzedDataProvider data) {
        return "{\"Version\":\"" + (data.consumeBoolean() ? "2012-10-17" : data.consumeString(12)) + "\","
                + "\"Statement\":[{\"Effect\":\"" + (data.consumeBoolean() ? "Allow" : "Deny") + "\","
                + "\"Action\":\"" + json(data.consumeString(30)) + "\","
                + "\"" + (data.consumeBoolean() ? "Resource" : "NotResource") + "\":\"" + json(data.consumeString(60))
                + "\",\"Condition\":{\"" + data.pickValue(OPERATORS) + "\":{\"" + json(data.consumeString(20))
                + "\":\"" + json(data.consumeString(40)) + "\"}}}]}";
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
