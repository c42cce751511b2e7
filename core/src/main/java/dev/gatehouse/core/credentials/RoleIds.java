package dev.gatehouse.core.credentials;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Stable role ids ({@code AROA} + 17 base32 characters), derived from account and role name so every node
 * computes the same id without storing it; and the ARN of a permission set's role.
 */
public final class RoleIds {

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private RoleIds() {
    }

    public static String roleId(String accountId, String roleName) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((accountId + "/" + roleName).getBytes(StandardCharsets.UTF_8));
            StringBuilder id = new StringBuilder("AROA");
            for (int i = 0; i < 17; i++) {
                id.append(BASE32.charAt((digest[i] & 0xff) % 32));
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * The IAM role ARN of a permission set's role in an account, as IAM Identity Center provisions it (path
     * {@code /aws-reserved/sso.amazonaws.com/}); IAM sets it as {@code aws:PrincipalArn} for the role's sessions.
     */
    public static String roleArn(String accountId, String roleName) {
        return "arn:aws:iam::" + accountId + ":role/aws-reserved/sso.amazonaws.com/" + roleName;
    }
}
