package dev.gatehouse.core.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A user's postal addresses and phone numbers, kept beside the directory's row for the APIs that carry them
 * (identitystore's {@code Addresses} and {@code PhoneNumbers}). Every member may be null.
 */
public record ContactDetails(List<Address> addresses, List<PhoneNumber> phoneNumbers) {

    public static final ContactDetails NONE = new ContactDetails(List.of(), List.of());

    public ContactDetails {
        addresses = List.copyOf(addresses);
        phoneNumbers = List.copyOf(phoneNumbers);
    }

    public record Address(String streetAddress, String locality, String region, String postalCode, String country,
                          String formatted, String type, Boolean primary) { }

    public record PhoneNumber(String value, String type, Boolean primary) { }

    public boolean isEmpty() {
        return addresses.isEmpty() && phoneNumbers.isEmpty();
    }

    public ContactDetails withAddresses(List<Address> changed) {
        return new ContactDetails(changed, phoneNumbers);
    }

    public ContactDetails withPhoneNumbers(List<PhoneNumber> changed) {
        return new ContactDetails(addresses, changed);
    }

    /** Names of what differs, never the values: the trail is no copy of the directory. */
    public List<String> changedSince(ContactDetails before) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(before.addresses(), addresses)) {
            changed.add("addresses");
        }
        if (!Objects.equals(before.phoneNumbers(), phoneNumbers)) {
            changed.add("phoneNumbers");
        }
        return changed;
    }
}
