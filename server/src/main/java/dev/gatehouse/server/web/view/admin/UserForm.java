package dev.gatehouse.server.web.view.admin;

/** The fields of the create and edit user forms, as typed. Field names match core's, so errors land beside them. */
public record UserForm(String userName, String givenName, String familyName, String displayName, String email,
                       boolean administrator) {

    public static UserForm empty() {
        return new UserForm("", "", "", "", "", false);
    }
}
