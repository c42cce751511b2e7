package dev.gatehouse.server.identitystore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.core.directory.ContactDetails;
import dev.gatehouse.core.directory.ContactDetails.Address;
import dev.gatehouse.core.directory.ContactDetails.PhoneNumber;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The model's {@code Addresses} and {@code PhoneNumbers} (lists of at most one), read from CreateUser's members
 * ({@code StreetAddress}, …) or from an UpdateUser document, whose members are SCIM's lower-camel names
 * ({@code streetAddress}, as Terraform sends them): member names are matched ignoring case.
 */
final class ContactShapes {

    private ContactShapes() {
    }

    /** Null or an empty list clears. */
    static List<Address> addresses(JsonNode value, String member) {
        List<Address> addresses = new ArrayList<>();
        for (JsonNode address : oneAtMost(value, member)) {
            addresses.add(new Address(text(address, "streetAddress", member), text(address, "locality", member),
                    text(address, "region", member), text(address, "postalCode", member),
                    text(address, "country", member), text(address, "formatted", member),
                    text(address, "type", member), primary(address, member)));
        }
        return addresses;
    }

    static List<PhoneNumber> phoneNumbers(JsonNode value, String member) {
        List<PhoneNumber> numbers = new ArrayList<>();
        for (JsonNode number : oneAtMost(value, member)) {
            numbers.add(new PhoneNumber(text(number, "value", member), text(number, "type", member),
                    primary(number, member)));
        }
        return numbers;
    }

    /** Adds {@code Addresses} and {@code PhoneNumbers} to a User shape when the user has them. */
    static Map<String, Object> addTo(Map<String, Object> shape, ContactDetails details) {
        if (!details.addresses().isEmpty()) {
            shape.put("Addresses", details.addresses().stream().map(ContactShapes::address).toList());
        }
        if (!details.phoneNumbers().isEmpty()) {
            shape.put("PhoneNumbers", details.phoneNumbers().stream().map(ContactShapes::phoneNumber).toList());
        }
        return shape;
    }

    private static Map<String, Object> address(Address address) {
        Map<String, Object> shape = new LinkedHashMap<>();
        putIfSet(shape, "StreetAddress", address.streetAddress());
        putIfSet(shape, "Locality", address.locality());
        putIfSet(shape, "Region", address.region());
        putIfSet(shape, "PostalCode", address.postalCode());
        putIfSet(shape, "Country", address.country());
        putIfSet(shape, "Formatted", address.formatted());
        putIfSet(shape, "Type", address.type());
        putIfSet(shape, "Primary", address.primary());
        return shape;
    }

    private static Map<String, Object> phoneNumber(PhoneNumber number) {
        Map<String, Object> shape = new LinkedHashMap<>();
        putIfSet(shape, "Value", number.value());
        putIfSet(shape, "Type", number.type());
        putIfSet(shape, "Primary", number.primary());
        return shape;
    }

    private static List<JsonNode> oneAtMost(JsonNode value, String member) {
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray() || value.size() > 1) {
            throw ModelString.invalid(member, "Member must be a list of length less than or equal to 1");
        }
        if (!value.isEmpty() && !value.get(0).isObject()) {
            throw ModelString.invalid(member, "Member must be a list of objects");
        }
        return value.isEmpty() ? List.of() : List.of(value.get(0));
    }

    /** The member named so, ignoring case, or null. */
    static JsonNode member(JsonNode object, String name) {
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))
                    && !field.getValue().isNull()) {
                return field.getValue();
            }
        }
        return null;
    }

    static String text(JsonNode object, String name, String member) {
        JsonNode value = member(object, name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw ModelString.invalid(member + "." + name, "Member must be a string");
        }
        return ModelString.SENSITIVE.check(member + "." + name, value.textValue());
    }

    private static Boolean primary(JsonNode object, String member) {
        JsonNode value = member(object, "primary");
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw ModelString.invalid(member + ".Primary", "Member must be true or false");
        }
        return value.booleanValue();
    }

    private static void putIfSet(Map<String, Object> shape, String member, Object value) {
        if (value != null) {
            shape.put(member, value);
        }
    }
}
