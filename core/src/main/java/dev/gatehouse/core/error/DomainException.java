package dev.gatehouse.core.error;

/** Carries a {@link DomainError} up to the adapter that renders it. No stack trace: it is not a bug. */
public final class DomainException extends RuntimeException {

    private final DomainError error;

    public DomainException(DomainError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    public DomainError error() {
        return error;
    }

    public static DomainException invalid(String field, String message) {
        return new DomainException(new DomainError.InvalidInput(field, message));
    }

    public static DomainException notFound(String kind, String id) {
        return new DomainException(new DomainError.NotFound(kind, id));
    }

    public static DomainException exists(String kind, String name) {
        return new DomainException(new DomainError.AlreadyExists(kind, name));
    }
}
