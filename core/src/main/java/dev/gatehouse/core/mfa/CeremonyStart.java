package dev.gatehouse.core.mfa;

/**
 * What a page needs to run one WebAuthn ceremony in the browser.
 *
 * @param handle      to send back with the answer; it names the challenge (it is the challenge, base64url)
 * @param optionsJson the options for {@code navigator.credentials.create} or {@code get}, binary values base64url
 */
public record CeremonyStart(String handle, String optionsJson) {
}
