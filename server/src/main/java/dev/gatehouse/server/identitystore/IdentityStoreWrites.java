package dev.gatehouse.server.identitystore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.ContactDetails;
import dev.gatehouse.core.directory.Group;
import dev.gatehouse.core.directory.IdentityStoreService;
import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.core.directory.IdentityStoreService.UserChanges;
import dev.gatehouse.core.directory.Membership;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.directory.UserContacts;
import dev.gatehouse.server.awsjson.StringShape;
import dev.gatehouse.server.http.JsonRequestBody;
import dev.gatehouse.server.mail.ActivationMail;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The identitystore operations that change the directory, each through the core service the console and the admin
 * command use: one behaviour, one audit trail, and removals end sessions as they do there. Members of the model that
 * Gatehouse does not keep (nick name, title, locale, …) are not stored.
 */
final class IdentityStoreWrites {

    private static final int MAX_OPERATIONS = 100;

    private final IdentityStoreService directory;
    private final UserContacts contacts;
    private final ActivationMail activationMail;
    private final String identityStoreId;

    IdentityStoreWrites(IdentityStoreService directory, UserContacts contacts, ActivationMail activationMail,
                        String identityStoreId) {
        this.directory = directory;
        this.contacts = contacts;
        this.activationMail = activationMail;
        this.identityStoreId = identityStoreId;
    }

    Object createUser(JsonRequestBody input, Actor actor, RequestContext context) {
        String userName = ModelString.USER_NAME.required(input, "UserName");
        JsonRequestBody name = input.optionalObject("Name")
                .orElseThrow(() -> ModelString.invalid("Name", "Gatehouse needs Name.GivenName and Name.FamilyName"));
        String email = null;
        List<JsonRequestBody> emails = input.optionalObjectList("Emails");
        if (emails != null) {
            if (emails.size() != 1) {
                throw ModelString.invalid("Emails", "Member must have length between 1 and 1");
            }
            email = ModelString.SENSITIVE.optional(emails.getFirst(), "Value");
        }
        ContactDetails details = new ContactDetails(
                ContactShapes.addresses(input.optionalDocument("Addresses"), "Addresses"),
                ContactShapes.phoneNumbers(input.optionalDocument("PhoneNumbers"), "PhoneNumbers"));
        User user = contacts.createUser(new NewUser(userName, ModelString.SENSITIVE.optional(input, "DisplayName"),
                ModelString.SENSITIVE.required(name, "GivenName"), ModelString.SENSITIVE.required(name, "FamilyName"),
                email, false), details, actor, context);
        // As through the console and SCIM: with a mail server, the new person gets their activation link.
        activationMail.sendToProvisioned(user.userName(), actor, context);
        return Map.of("IdentityStoreId", identityStoreId, "UserId", user.userId());
    }

    /** Applies the attribute operations to the user's current profile, then saves it in one change. */
    Object updateUser(JsonRequestBody input, Actor actor, RequestContext context) {
        User user = directory.userById(ModelString.RESOURCE_ID.required(input, "UserId"));
        String displayName = user.displayName();
        String givenName = user.givenName();
        String familyName = user.familyName();
        String email = user.email();
        ContactDetails details = contacts.of(user.userId());
        for (JsonRequestBody operation : operations(input)) {
            String path = ModelString.ATTRIBUTE_PATH.required(operation, "AttributePath");
            JsonNode value = operation.optionalDocument("AttributeValue");
            switch (path.toLowerCase(Locale.ROOT)) {
                case "displayname" -> displayName = text(value, path);
                case "name.givenname" -> givenName = text(value, path);
                case "name.familyname" -> familyName = text(value, path);
                case "emails" -> email = primaryEmail(value);
                case "emails.value" -> email = text(value, path);
                case "addresses" -> details = details.withAddresses(
                        ContactShapes.addresses(value, "Operations.AttributeValue"));
                case "phonenumbers" -> details = details.withPhoneNumbers(
                        ContactShapes.phoneNumbers(value, "Operations.AttributeValue"));
                default -> throw ModelString.invalid("Operations.AttributePath", "Gatehouse can update "
                        + "displayName, name.givenName, name.familyName, emails, addresses and phoneNumbers");
            }
        }
        contacts.updateUser(user.userName(), new UserChanges(displayName, givenName, familyName, email,
                user.administrator()), details, actor, context);
        return Map.of();
    }

    Object deleteUser(JsonRequestBody input, Actor actor, RequestContext context) {
        User user = directory.userById(ModelString.RESOURCE_ID.required(input, "UserId"));
        directory.deleteUser(user.userName(), actor, context);
        return Map.of();
    }

    Object createGroup(JsonRequestBody input, Actor actor, RequestContext context) {
        Group group = directory.createGroup(ModelString.GROUP_DISPLAY_NAME.required(input, "DisplayName"),
                ModelString.SENSITIVE.optional(input, "Description"), actor, context);
        return Map.of("GroupId", group.groupId(), "IdentityStoreId", identityStoreId);
    }

    /** Applies displayName and description operations to the group's current values, then saves them at once. */
    Object updateGroup(JsonRequestBody input, Actor actor, RequestContext context) {
        Group group = directory.groupById(ModelString.RESOURCE_ID.required(input, "GroupId"));
        String displayName = group.displayName();
        String description = group.description();
        for (JsonRequestBody operation : operations(input)) {
            String path = ModelString.ATTRIBUTE_PATH.required(operation, "AttributePath");
            JsonNode value = operation.optionalDocument("AttributeValue");
            switch (path.toLowerCase(Locale.ROOT)) {
                case "displayname" -> displayName = text(value, path, ModelString.GROUP_DISPLAY_NAME);
                case "description" -> description = text(value, path);
                default -> throw ModelString.invalid("Operations.AttributePath",
                        "Gatehouse can update a group's displayName and description");
            }
        }
        directory.updateGroup(group.groupId(), displayName, description, actor, context);
        return Map.of();
    }

    Object deleteGroup(JsonRequestBody input, Actor actor, RequestContext context) {
        Group group = directory.groupById(ModelString.RESOURCE_ID.required(input, "GroupId"));
        directory.deleteGroup(group.displayName(), actor, context);
        return Map.of();
    }

    Object createGroupMembership(JsonRequestBody input, Actor actor, RequestContext context) {
        Group group = directory.groupById(ModelString.RESOURCE_ID.required(input, "GroupId"));
        User user = directory.userById(IdentityStoreInputs.memberUserId(input));
        Membership membership = directory.addMember(group.displayName(), user.userName(), actor, context);
        return Map.of("MembershipId", membership.membershipId(), "IdentityStoreId", identityStoreId);
    }

    /** Ends the member's sessions, as removing them in the console does. */
    Object deleteGroupMembership(JsonRequestBody input, Actor actor, RequestContext context) {
        Membership membership = directory.membership(ModelString.RESOURCE_ID.required(input, "MembershipId"));
        directory.removeMember(directory.groupById(membership.groupId()).displayName(),
                directory.userById(membership.userId()).userName(), actor, context);
        return Map.of();
    }

    private static List<JsonRequestBody> operations(JsonRequestBody input) {
        List<JsonRequestBody> operations = input.optionalObjectList("Operations");
        if (operations == null || operations.isEmpty() || operations.size() > MAX_OPERATIONS) {
            throw ModelString.invalid("Operations", "Member must have length between 1 and " + MAX_OPERATIONS);
        }
        return operations;
    }

    /** A string attribute's new value; null (absent) clears it. */
    private static String text(JsonNode value, String path) {
        return text(value, path, ModelString.SENSITIVE);
    }

    private static String text(JsonNode value, String path, StringShape constraint) {
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw ModelString.invalid("Operations.AttributeValue", "Member must be a string for " + path);
        }
        return constraint.check("Operations.AttributeValue", value.textValue());
    }

    /**
     * {@code emails} takes the list of one Email object, its members named either way ({@code value}, as Terraform
     * sends it, or {@code Value}); Gatehouse keeps the address.
     */
    private static String primaryEmail(JsonNode value) {
        if (value == null || (value.isArray() && value.isEmpty())) {
            return null;
        }
        if (!value.isArray() || value.size() > 1 || !value.get(0).isObject()
                || ContactShapes.text(value.get(0), "value", "Operations.AttributeValue") == null) {
            throw ModelString.invalid("Operations.AttributeValue", "emails must be a list of one Email with a Value");
        }
        return ContactShapes.text(value.get(0), "value", "Operations.AttributeValue");
    }
}
