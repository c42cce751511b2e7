package dev.gatehouse.server.web;

import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A call into core whose refusal the page shows in its own form (beside a field, or above it) instead of on the
 * error page. When core refuses, the form is rendered and the request ends there, so a page handler reads as parse,
 * call, render, without a catch block. A form that cannot place a refusal throws it on, and the error page shows it.
 */
public final class Refusable {

    /** A form that shows a refusal as one message above its fields. */
    @FunctionalInterface
    public interface MessageForm {
        void show(int status, String message);
    }

    private Refusable() {
    }

    /** Shows a refusal in {@code form} with the status and words {@link HtmlErrors} gives it. */
    public static Consumer<DomainError> asMessage(MessageForm form) {
        return refusal -> {
            HtmlErrors.HtmlError shown = HtmlErrors.describe(refusal);
            form.show(shown.status(), shown.message());
        };
    }

    /** @param form renders the form again with the refusal */
    public static <T> T call(Supplier<T> call, Consumer<DomainError> form) {
        return call(DomainError.class, call, form);
    }

    public static void run(Runnable call, Consumer<DomainError> form) {
        run(DomainError.class, call, form);
    }

    /** Only refusals of {@code shown}'s type are the form's to show; others go to the error page. */
    public static <T, E extends DomainError> T call(Class<E> shown, Supplier<T> call, Consumer<? super E> form) {
        try {
            return call.get();
        } catch (DomainException e) {
            if (!shown.isInstance(e.error())) {
                throw e;
            }
            form.accept(shown.cast(e.error()));
            throw new FormShown();
        }
    }

    public static <E extends DomainError> void run(Class<E> shown, Runnable call, Consumer<? super E> form) {
        call(shown, () -> {
            call.run();
            return null;
        }, form);
    }

    /** Ends a request whose answer, the form with the refusal, is already rendered. */
    static final class FormShown extends RuntimeException {

        private static final long serialVersionUID = 1L;

        FormShown() {
            super(null, null, false, false);
        }
    }
}
