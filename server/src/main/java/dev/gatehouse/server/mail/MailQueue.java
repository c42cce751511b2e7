package dev.gatehouse.server.mail;

import dev.gatehouse.core.password.Mailer.Mail;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The mail of this node that is not delivered yet: being sent, waiting to be tried again after a failure (1, 2, 4 …
 * minutes, at most an hour apart) or given up after {@link #ATTEMPTS} tries. Kept in memory: a mail holds a link
 * that sets a password, which is not written anywhere. What the console shows ({@link Entry}) never holds the body;
 * a mail that is lost (given up, or the node restarted) loses no link, as the administrator issues or mails a new one
 * from the user's page.
 */
public final class MailQueue {

    /** Tries before giving up: about eight hours of an outage, by the back-off below. */
    static final int ATTEMPTS = 12;
    static final Duration FIRST_WAIT = Duration.ofMinutes(1);
    static final Duration LONGEST_WAIT = Duration.ofHours(1);
    /** Mail held at most; past it new mail is refused (and logged) rather than held in memory. */
    static final int LIMIT = 1_000;

    public enum State { SENDING, WAITING_TO_RETRY, GAVE_UP }

    /**
     * A mail as the console lists it.
     *
     * @param nextAttempt when it is tried again; null unless waiting
     * @param lastError   why the last try failed (the mail server's answer); null before the first failure
     */
    public record Entry(String id, String to, String subject, State state, int attempts, Instant queuedAt,
                        Instant nextAttempt, String lastError) { }

    private record Held(Entry entry, Mail mail) { }

    private final Clock clock;
    private final Map<String, Held> held = new LinkedHashMap<>();

    public MailQueue(Clock clock) {
        this.clock = clock;
    }

    /** Holds a mail about to be sent; empty when the queue is full. */
    synchronized Optional<String> add(Mail mail) {
        if (held.size() >= LIMIT && !forgetOldestGivenUp()) {
            return Optional.empty();
        }
        String id = UUID.randomUUID().toString();
        held.put(id, new Held(new Entry(id, mail.to(), mail.subject(), State.SENDING, 0, clock.instant(), null, null),
                mail));
        notifyAll();
        return Optional.of(id);
    }

    synchronized void delivered(String id) {
        held.remove(id);
        notifyAll();
    }

    /** Records a failed try: the mail waits for its next one, or is given up. Returns its new state. */
    synchronized State failed(String id, String error) {
        Held current = held.get(id);
        if (current == null) {
            return State.GAVE_UP;
        }
        Entry e = current.entry();
        int attempts = e.attempts() + 1;
        boolean giveUp = attempts >= ATTEMPTS;
        Instant next = giveUp ? null : clock.instant().plus(waitAfter(attempts));
        held.put(id, new Held(new Entry(id, e.to(), e.subject(), giveUp ? State.GAVE_UP : State.WAITING_TO_RETRY,
                attempts, e.queuedAt(), next, error), current.mail()));
        notifyAll();
        return giveUp ? State.GAVE_UP : State.WAITING_TO_RETRY;
    }

    /** The mail whose next try is due, marked as being sent, with the ids to report on. */
    synchronized Map<String, Mail> takeDue() {
        Instant now = clock.instant();
        Map<String, Mail> due = new LinkedHashMap<>();
        for (Held h : List.copyOf(held.values())) {
            Entry e = h.entry();
            if (e.state() == State.WAITING_TO_RETRY && !now.isBefore(e.nextAttempt())) {
                held.put(e.id(), new Held(new Entry(e.id(), e.to(), e.subject(), State.SENDING, e.attempts(),
                        e.queuedAt(), null, e.lastError()), h.mail()));
                due.put(e.id(), h.mail());
            }
        }
        return due;
    }

    /** Oldest first, without the mail bodies. */
    public synchronized List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        held.values().forEach(h -> entries.add(h.entry()));
        return entries;
    }

    /**
     * Waits until the entries satisfy {@code condition} (woken by each change, not by polling), for an orderly look
     * at a queue that another thread is working on.
     *
     * @return whether they did before {@code timeout}
     */
    public synchronized boolean awaitUntil(Predicate<List<Entry>> condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(entries())) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    synchronized long count(State state) {
        return held.values().stream().filter(h -> h.entry().state() == state).count();
    }

    /** {@code gatehouse_mail_queue{state=…}}: what waits and what was given up, per node. */
    public void bindTo(MeterRegistry registry) {
        for (State state : State.values()) {
            Gauge.builder("gatehouse.mail.queue", this, queue -> queue.count(state))
                    .description("Mail not delivered yet on this node, by state")
                    .tag("state", state.name().toLowerCase(Locale.ROOT))
                    .strongReference(true)
                    .register(registry);
        }
    }

    static Duration waitAfter(int failures) {
        Duration wait = FIRST_WAIT.multipliedBy(1L << Math.min(failures - 1, 10));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private boolean forgetOldestGivenUp() {
        return held.values().stream().filter(h -> h.entry().state() == State.GAVE_UP).findFirst()
                .map(h -> held.remove(h.entry().id()) != null).orElse(false);
    }
}
