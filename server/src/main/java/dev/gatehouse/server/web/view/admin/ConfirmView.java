package dev.gatehouse.server.web.view.admin;

/**
 * Asks before something is deleted for good.
 *
 * @param consequence what else goes with it, in one sentence
 * @param action      where the confirming form posts
 * @param cancel      where "Cancel" leads back to
 */
public record ConfirmView(AdminFrame frame, String title, String question, String consequence, String action,
                          String cancel) { }
