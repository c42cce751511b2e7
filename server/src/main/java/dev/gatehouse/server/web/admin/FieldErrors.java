package dev.gatehouse.server.web.admin;

import dev.gatehouse.core.directory.SyncedEntries;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import java.util.Map;

/**
 * Turns core's refusal of a form into a message beside the field it is about. Core's InvalidInput names its
 * field, and the console's form fields carry core's names, so those land by themselves; a name that is taken
 * or a thing that does not exist is placed by its kind. Anything else is no field's fault and goes on to the
 * error page.
 */
final class FieldErrors {

    private FieldErrors() {
    }

    /**
     * @param fieldOfKind pairs of a kind as core names it ("User", "Permission set", …) and the form field that
     *                    typed its name, e.g. {@code "User", "userName"}
     */
    static Map<String, String> of(DomainError error, String... fieldOfKind) {
        String field = switch (error) {
            // A synced user or group is read-only as a whole, which no field of the form can show.
            case DomainError.InvalidInput invalid when SyncedEntries.READ_ONLY.equals(invalid.field()) -> null;
            case DomainError.InvalidInput invalid -> invalid.field();
            case DomainError.AlreadyExists exists -> fieldOf(exists.kind(), fieldOfKind);
            case DomainError.NotFound missing -> fieldOf(missing.kind(), fieldOfKind);
            default -> null;
        };
        if (field == null) {
            throw new DomainException(error);
        }
        return Map.of(field, error.message());
    }

    private static String fieldOf(String kind, String... fieldOfKind) {
        for (int i = 0; i + 1 < fieldOfKind.length; i += 2) {
            if (fieldOfKind[i].equals(kind)) {
                return fieldOfKind[i + 1];
            }
        }
        return null;
    }
}
