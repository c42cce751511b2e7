package dev.gatehouse.server.config;

/** An administrator created on start when missing. */
public record BootstrapAdmin(String userName, char[] password) {

    /** The administrator both settings name, or null when neither is set. */
    static BootstrapAdmin from(SettingValues values) {
        values.requireTogether(ConfigKeys.BOOTSTRAP_ADMIN_USERNAME, ConfigKeys.BOOTSTRAP_ADMIN_PASSWORD);
        if (!values.isSet(ConfigKeys.BOOTSTRAP_ADMIN_USERNAME) || !values.isSet(ConfigKeys.BOOTSTRAP_ADMIN_PASSWORD)) {
            return null;
        }
        return new BootstrapAdmin(values.get(ConfigKeys.BOOTSTRAP_ADMIN_USERNAME),
                values.get(ConfigKeys.BOOTSTRAP_ADMIN_PASSWORD).toCharArray());
    }

    @Override
    public String toString() {
        return "BootstrapAdmin[userName=" + userName + ", password=***]";
    }
}
