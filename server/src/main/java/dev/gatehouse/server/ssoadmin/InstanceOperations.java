package dev.gatehouse.server.ssoadmin;

import dev.gatehouse.core.access.ManagementAccount;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.instance.Instance;
import dev.gatehouse.server.awsjson.AwsJson;
import dev.gatehouse.server.http.JsonRequestBody;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The instance: Gatehouse is one organization instance, created on its first start. It cannot be created or
 * deleted through the API, as AWS refuses both for an organization's instance; its data is sealed by Gatehouse's
 * own keys (docs/keys.md), which sso-admin shows as an AWS owned key.
 */
final class InstanceOperations {

    private final SsoScope scope;
    private final ManagementAccount managementAccount;

    InstanceOperations(SsoScope scope, ManagementAccount managementAccount) {
        this.scope = scope;
        this.managementAccount = managementAccount;
    }

    /** The account that owns the instance in AWS: Gatehouse's management account, once there is one. */
    private void owner(Map<String, Object> shape) {
        managementAccount.account().ifPresent(account -> shape.put("OwnerAccountId", account.accountId()));
    }

    Object listInstances(JsonRequestBody input) {
        SsoInputs.maxResults(input);
        if (SsoInputs.position(input, "instances") != null) {
            throw SsoString.invalid("NextToken", "The NextToken is not one this list returned.");
        }
        Instance instance = scope.instance();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("InstanceArn", instance.instanceArn());
        metadata.put("IdentityStoreId", instance.identityStoreId());
        owner(metadata);
        metadata.put("CreatedDate", AwsJson.epochSeconds(instance.createdAt()));
        metadata.put("Status", "ACTIVE");
        metadata.put("PrimaryRegion", instance.region());
        return Map.of("Instances", List.of(metadata));
    }

    /** The instance has no ResourceNotFoundException here: another instance's ARN fails validation. */
    Object describeInstance(JsonRequestBody input) {
        Instance instance = thisInstance(input);
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("InstanceArn", instance.instanceArn());
        shape.put("IdentityStoreId", instance.identityStoreId());
        owner(shape);
        shape.put("CreatedDate", AwsJson.epochSeconds(instance.createdAt()));
        shape.put("Status", "ACTIVE");
        shape.put("EncryptionConfigurationDetails", Map.of("KeyType", "AWS_OWNED_KMS_KEY",
                "EncryptionStatus", "ENABLED"));
        return shape;
    }

    /**
     * Accepts what leaves the instance as it is: an AWS owned key. A name, or a customer managed KMS key, would be
     * settings Gatehouse does not keep, so they are refused rather than dropped.
     */
    Object updateInstance(JsonRequestBody input, Actor actor, RequestContext context) {
        scope.instanceArn(input);
        if (SsoString.INSTANCE_NAME.optional(input, "Name") != null) {
            throw SsoString.invalid("Name", "Gatehouse's instance has no name to change");
        }
        input.optionalObject("EncryptionConfiguration").ifPresent(encryption -> {
            String keyType = SsoInputs.enumValue(encryption, "KeyType",
                    List.of("AWS_OWNED_KMS_KEY", "CUSTOMER_MANAGED_KEY"), true);
            if (!keyType.equals("AWS_OWNED_KMS_KEY")) {
                throw SsoString.invalid("EncryptionConfiguration.KeyType",
                        "Gatehouse seals its data with its own master key (docs/keys.md), not a KMS key");
            }
        });
        return Map.of();
    }

    /** AWS refuses a second instance in an account that has one. */
    Object createInstance(JsonRequestBody input) {
        SsoString.INSTANCE_NAME.optional(input, "Name");
        SsoString.CLIENT_TOKEN.optional(input, "ClientToken");
        SsoInputs.tags(input, "Tags");
        throw new DomainException(new DomainError.AlreadyExists("Instance", scope.instance().instanceArn(),
                "An instance of IAM Identity Center already exists: " + scope.instance().instanceArn()));
    }

    /** Nobody deletes an organization's instance through the API. */
    Object deleteInstance(JsonRequestBody input) {
        thisInstance(input);
        throw new DomainException(new DomainError.AccessDenied(
                "The organization instance of IAM Identity Center cannot be deleted through the API"));
    }

    private Instance thisInstance(JsonRequestBody input) {
        String arn = SsoString.INSTANCE_ARN.required(input, "InstanceArn");
        if (!arn.equals(scope.instance().instanceArn())) {
            throw SsoString.invalid("InstanceArn", "The instance does not exist");
        }
        return scope.instance();
    }
}
