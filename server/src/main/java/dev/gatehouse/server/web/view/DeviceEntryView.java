package dev.gatehouse.server.web.view;

/**
 * The form where a person types the code their device shows.
 *
 * @param userCode what was typed, shown again after an error; may be empty
 * @param error    why the code was refused, or null
 */
public record DeviceEntryView(String signedInAs, String csrf, String userCode, String error) { }
