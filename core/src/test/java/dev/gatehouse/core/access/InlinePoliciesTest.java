package dev.gatehouse.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import org.junit.jupiter.api.Test;

class InlinePoliciesTest {

    private static DomainError.InvalidInput refusal(String document) {
        return (DomainError.InvalidInput) catchThrowableOfType(DomainException.class,
                () -> InlinePolicies.valid(document)).error();
    }

    @Test
    void validWhenBlankThenNoPolicy() {
        assertThat(InlinePolicies.valid(null)).isNull();
        assertThat(InlinePolicies.valid("  \n")).isNull();
    }

    @Test
    void validWhenAcceptedByTheEngineThenKeptTrimmed() {
        String policy = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""";

        assertThat(InlinePolicies.valid("\n" + policy + "  \n")).isEqualTo(policy);
    }

    @Test
    void validWhenMalformedJsonThenLineAndColumnWithTheLineQuoted() {
        DomainError.InvalidInput error = refusal("{\n  \"Statement\": [\n    {\"Effect\": }\n  ]\n}");

        assertThat(error.field()).isEqualTo("inlinePolicy");
        assertThat(error.message()).startsWith("inlinePolicy is not a valid policy: the policy is not valid JSON at "
                        + "line 3, column")
                .endsWith("(line 3 reads: {\"Effect\": })")
                .doesNotContain("\n");
    }

    @Test
    void validWhenUnterminatedThenTheLineItEndsOn() {
        assertThat(refusal("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n}").message()).contains("line 4");
    }

    @Test
    void validWhenAStatementIsWrongThenTheEnginesMessageNamingTheStatement() {
        DomainError.InvalidInput error = refusal("""
                {"Version":"2012-10-17","Statement":[
                  {"Sid":"ReadReports","Effect":"Allow","Action":"s3:GetObject","Resource":"*"},
                  {"Sid":"Typo","Effect":"Alow","Action":"s3:PutObject","Resource":"*"}]}""");

        assertThat(error.field()).isEqualTo("inlinePolicy");
        assertThat(error.message()).startsWith("inlinePolicy is not a valid policy: ").contains("Typo")
                .doesNotContain("ReadReports");
    }

    @Test
    void validWhenAnOperatorIsUnknownThenItIsNamed() {
        DomainError.InvalidInput error = refusal("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*",
                  "Condition":{"StringEqualz":{"aws:username":"ed"}}}]}""");

        assertThat(error.message()).startsWith("inlinePolicy is not a valid policy: ").contains("StringEqualz")
                .contains("Statement[0]");
    }

    @Test
    void validWhenNotAnObjectThenRefusedOnTheField() {
        assertThat(refusal("[]").field()).isEqualTo("inlinePolicy");
        assertThat(refusal("{\"Version\":\"2012-10-17\"}").message()).contains("Statement");
    }

    @Test
    void validWhenOverTheAwsLimitThenBothSizesNamed() {
        String big = "{\"Version\":\"2012-10-17\",\"Statement\":[],\"x\":\"" + "a".repeat(10_300) + "\"}";

        assertThat(refusal(big).message()).startsWith("inlinePolicy is not a valid policy: ")
                .contains(Integer.toString(big.length())).contains("10240");
    }
}
