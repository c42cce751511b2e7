package dev.gatehouse.server.mail;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.password.ActivationService;
import dev.gatehouse.core.password.Mailer;
import dev.gatehouse.core.password.Mailer.Mail;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Mails a new user their activation link when a mail server is configured, so administrators need not pass the
 * link on by hand. The mail holds the instance's name, the link and when it expires: nothing else about the account.
 */
public final class ActivationMail {

    private static final DateTimeFormatter UNTIL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Function<String, User> users;
    private final ActivationService activations;
    private final Duration lifetime;
    private final Clock clock;
    private final Mailer mailer;
    private final String publicUrl;
    private final String instanceName;
    private final BooleanSupplier passwordsHere;

    /**
     * @param users        the user a name names (throws when there is none)
     * @param mailer       null when no mail server is configured: then {@link #available()} is false
     * @param instanceName how the mail names this Gatehouse (its access portal URL)
     * @param passwordsHere whether users sign in with a Gatehouse password (the built-in identity source)
     */
    public ActivationMail(Function<String, User> users, ActivationService activations, Duration lifetime, Clock clock,
                          Mailer mailer, String publicUrl, String instanceName, BooleanSupplier passwordsHere) {
        this.users = users;
        this.activations = activations;
        this.lifetime = lifetime;
        this.clock = clock;
        this.mailer = mailer;
        this.publicUrl = publicUrl;
        this.instanceName = instanceName;
        this.passwordsHere = passwordsHere;
    }

    public boolean available() {
        return mailer != null;
    }

    /**
     * Issues a new link (ending earlier ones) and mails it to the user's address.
     *
     * @return the address it went to; empty, with no link issued, when there is no mail server
     */
    public Optional<String> send(String userName, Actor actor, RequestContext context) {
        if (!available()) {
            return Optional.empty();
        }
        User user = users.apply(userName);
        if (user.email() == null || user.email().isBlank()) {
            throw DomainException.invalid("email", "User " + userName + " has no email address to send the link to");
        }
        String token = activations.issue(userName, actor, context);
        mailer.send(mail(user, publicUrl + "/activate?token=" + token, UNTIL.format(clock.instant().plus(lifetime))));
        return Optional.of(user.email());
    }

    /**
     * For a user an identity provider provisioned (SCIM): mailed only when they will sign in with a Gatehouse
     * password and have an address; otherwise nothing, and the provisioning answer is the same.
     */
    public void sendToProvisioned(String userName, Actor actor, RequestContext context) {
        User user = users.apply(userName);
        if (available() && passwordsHere.getAsBoolean() && user.email() != null && !user.email().isBlank()) {
            send(userName, actor, context);
        }
    }

    private Mail mail(User user, String link, String until) {
        String text = """
                Hello %s,

                An account %s was made for you at %s.
                To choose your password, open this link within %s (until %s):

                %s

                The link works once. If you did not expect this mail, ignore it.
                """.formatted(user.userName(), user.userName(), instanceName, days(), until, link);
        String html = """
                <!DOCTYPE html>
                <html><body>
                <p>Hello %s,</p>
                <p>An account <b>%s</b> was made for you at %s.</p>
                <p><a href="%s">Choose your password</a> within %s (until %s).</p>
                <p>The link works once. If you did not expect this mail, ignore it.</p>
                </body></html>
                """.formatted(escape(user.userName()), escape(user.userName()), escape(instanceName), escape(link),
                days(), until);
        return new Mail(user.email(), "Activate your account", text, html);
    }

    private String days() {
        long hours = lifetime.toHours();
        return hours % 24 == 0 ? (hours / 24) + (hours == 24 ? " day" : " days") : hours + " hours";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
