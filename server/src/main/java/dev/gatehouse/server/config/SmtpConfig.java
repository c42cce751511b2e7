package dev.gatehouse.server.config;

/**
 * An SMTP server. {@code username} and {@code password} are both null when it takes mail without signing in.
 *
 * @param startTls whether to upgrade the connection with STARTTLS (and refuse to send without it)
 */
public record SmtpConfig(String host, int port, String from, String username, String password, boolean startTls) {

    /** The mail server {@code smtp-host} names, or null when it is not set: then only administrators reset. */
    static SmtpConfig from(SettingValues values) {
        if (!values.isSet(ConfigKeys.SMTP_HOST)) {
            return null;
        }
        boolean startTls = values.get(ConfigKeys.SMTP_STARTTLS);
        Integer port = values.get(ConfigKeys.SMTP_PORT);
        if (!values.isSet(ConfigKeys.SMTP_FROM)) {
            values.problem(ConfigKeys.SMTP_FROM.label() + " must be the address mail comes from when "
                    + ConfigKeys.SMTP_HOST.key() + " is set");
        }
        values.requireTogether(ConfigKeys.SMTP_USERNAME, ConfigKeys.SMTP_PASSWORD);
        return new SmtpConfig(values.get(ConfigKeys.SMTP_HOST), port != null ? port : usualPort(startTls),
                values.get(ConfigKeys.SMTP_FROM), values.get(ConfigKeys.SMTP_USERNAME),
                values.get(ConfigKeys.SMTP_PASSWORD), startTls);
    }

    /** The submission port with STARTTLS, the plain SMTP port without. */
    static int usualPort(boolean startTls) {
        return startTls ? 587 : 25;
    }

    @Override
    public String toString() {
        return "SmtpConfig[host=" + host + ", port=" + port + ", from=" + from + ", username=" + username
                + ", password=" + (password == null ? "none" : "***") + ", startTls=" + startTls + "]";
    }
}
