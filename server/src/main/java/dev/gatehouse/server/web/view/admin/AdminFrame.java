package dev.gatehouse.server.web.view.admin;

/**
 * What the admin layout around every console page needs.
 *
 * @param section the nav entry to mark as current: dashboard, users, groups, accounts, permission-sets or events
 * @param notice  what the last change did, shown once after its redirect; null for none
 */
public record AdminFrame(String signedInAs, String csrf, String section, String notice) { }
