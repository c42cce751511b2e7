package dev.gatehouse.server.web.admin;

import dev.gatehouse.core.directory.IdentityStoreService;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.server.mail.MailQueue;
import dev.gatehouse.server.web.Templates;
import dev.gatehouse.server.web.view.admin.AdminPaths;
import dev.gatehouse.server.web.view.admin.MailView;
import dev.gatehouse.server.web.view.admin.MailView.Row;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code /admin/mail}: activation and password-reset mail the mail server has not taken yet on this node, with its
 * state and next try, never its body (the link). Each row leads to the users with that address, whose page issues
 * or mails a new link, so a mail that cannot be delivered never leaves a person without one.
 */
final class MailPage {

    private final MailQueue queue;
    private final IdentityStoreService identityStore;
    private final Templates templates;

    MailPage(MailQueue queue, IdentityStoreService identityStore, Templates templates) {
        this.queue = queue;
        this.identityStore = identityStore;
        this.templates = templates;
    }

    void mount(AdminRoutes routes) {
        routes.get(AdminPaths.MAIL, this::show);
    }

    private void show(Context ctx, Admin admin) {
        List<Row> rows = queue.entries().stream().map(this::row).toList();
        templates.render(ctx, 200, "admin/mail.jte", new MailView(admin.frame("mail", ctx), rows));
    }

    private Row row(MailQueue.Entry entry) {
        List<String> users = identityStore.usersWithEmail(entry.to()).stream().map(User::userName).toList();
        return new Row(entry.to(), entry.subject(), state(entry.state()), entry.attempts(),
                entry.queuedAt().toString(), entry.nextAttempt() == null ? "" : entry.nextAttempt().toString(),
                entry.lastError() == null ? "" : entry.lastError(),
                users.stream().map(name -> new MailView.UserLink(name, AdminPaths.user(name))).toList());
    }

    private static String state(MailQueue.State state) {
        return switch (state) {
            case SENDING -> "Sending";
            case WAITING_TO_RETRY -> "Waiting to be tried again";
            case GAVE_UP -> "Given up";
        };
    }
}
