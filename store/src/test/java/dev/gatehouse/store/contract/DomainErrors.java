package dev.gatehouse.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that a call fails with a DomainError of one kind, and returns it for a closer look. */
public final class DomainErrors {

    private DomainErrors() {
    }

    public static DomainError.AlreadyExists alreadyExists(ThrowingCallable call) {
        return failure(call, DomainError.AlreadyExists.class);
    }

    public static DomainError.NotFound notFound(ThrowingCallable call) {
        return failure(call, DomainError.NotFound.class);
    }

    private static <E extends DomainError> E failure(ThrowingCallable call, Class<E> kind) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(DomainException.class);
        DomainError error = ((DomainException) thrown).error();
        assertThat(error).isInstanceOf(kind);
        return kind.cast(error);
    }
}
