package dev.gatehouse.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import org.junit.jupiter.api.Test;

class ManagedPolicyNamesTest {

    private static DomainError refusal(String nameOrArn) {
        return catchThrowableOfType(DomainException.class,
                () -> ManagedPolicyNames.canonical("managedPolicies", nameOrArn)).error();
    }

    @Test
    void canonicalWhenNameOrArnThenTheBundledName() {
        assertThat(ManagedPolicyNames.canonical("managedPolicies", "PowerUserAccess")).isEqualTo("PowerUserAccess");
        assertThat(ManagedPolicyNames.canonical("managedPolicies", " arn:aws:iam::aws:policy/ReadOnlyAccess "))
                .isEqualTo("ReadOnlyAccess");
        assertThat(ManagedPolicyNames.canonical("managedPolicies",
                "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess")).isEqualTo("ViewOnlyAccess");
    }

    @Test
    void canonicalWhenNotBundledThenRefusedListingWhatIsAvailable() {
        assertThat(refusal("AmazonS3FullAccess")).isEqualTo(new DomainError.InvalidInput("managedPolicies",
                "managedPolicies: unknown AWS managed policy 'AmazonS3FullAccess'; Gatehouse has "
                        + "AdministratorAccess, PowerUserAccess, ReadOnlyAccess, ViewOnlyAccess"));
    }

    @Test
    void canonicalWhenCustomerManagedThenRefusedSayingSo() {
        assertThat(refusal("arn:aws:iam::111122223333:policy/TeamPolicy").message())
                .startsWith("managedPolicies: 'arn:aws:iam::111122223333:policy/TeamPolicy' is a customer managed "
                        + "policy")
                .endsWith("AdministratorAccess, PowerUserAccess, ReadOnlyAccess, ViewOnlyAccess");
    }

    @Test
    void canonicalWhenBlankThenRefusedListingWhatIsAvailable() {
        assertThat(refusal(" ").message()).contains("must name an AWS managed policy").contains("PowerUserAccess");
    }
}
