package dev.gatehouse.core.scim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PATCH operations (RFC 7644 §3.5.2) applied to a user or to a group's members, reading what clients send beside
 * the RFC: Entra ID's capitalised {@code "Replace"}, booleans as the strings {@code "True"}/{@code "False"},
 * operations without a path whose value is an object of attributes. Of the enterprise extension, the attributes that
 * can become principal tags are kept ({@link ScimUser#ENTERPRISE}); {@code manager} and other extensions are accepted
 * and dropped. Values are plain Java as read from JSON (Map, List, String, Boolean).
 */
public final class ScimPatch {

    /** The most operations one PATCH may hold, and the most members one PATCH may add or remove. */
    public static final int MAX_OPERATIONS = 100;
    public static final int MAX_MEMBERS = 100;

    private static final String USER_URN = "urn:ietf:params:scim:schemas:core:2.0:user:";
    private static final String GROUP_URN = "urn:ietf:params:scim:schemas:core:2.0:group:";
    private static final String EXTENSION = "urn:ietf:params:scim:schemas:extension:";
    /** The enterprise extension's URN, lower-case, as paths are compared. */
    public static final String ENTERPRISE_URN = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:user";
    private static final Pattern MEMBER_FILTER = Pattern.compile(
            "^members\\[\\s*value\\s+eq\\s+\"([^\"]*)\"\\s*]$", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL_PATH = Pattern.compile("^emails(\\[[^]]*])?(\\.value)?$",
            Pattern.CASE_INSENSITIVE);

    /**
     * Core attributes clients send that the directory does not keep (RFC 7643 §4.1): accepted and dropped, so a
     * provisioning run does not fail over a phone number. Sub-attributes and value filters of these are dropped too.
     */
    private static final Set<String> NOT_KEPT = Set.of("name.formatted", "name.middlename", "name.honorificprefix",
            "name.honorificsuffix", "nickname", "profileurl", "title", "usertype", "preferredlanguage", "locale",
            "timezone", "password", "phonenumbers", "addresses", "ims", "photos", "entitlements", "roles",
            "x509certificates", "groups", "schemas", "meta");

    /** One operation as sent; {@code op} in any case. */
    public record Operation(String op, String path, Object value) { }

    private enum Op { ADD, REPLACE, REMOVE }

    private ScimPatch() {
    }

    static void checkCount(List<Operation> operations) {
        if (operations == null || operations.isEmpty()) {
            throw ScimFields.syntax("Operations must hold at least one operation");
        }
        if (operations.size() > MAX_OPERATIONS) {
            throw ScimFields.syntax("Operations may hold at most " + MAX_OPERATIONS + " operations");
        }
    }

    /** The user after the operations; nothing is stored. */
    public static ScimUser applyToUser(ScimUser user, List<Operation> operations) {
        checkCount(operations);
        ScimUser result = user;
        for (Operation operation : operations) {
            Op op = op(operation);
            if (operation.path() == null || operation.path().isBlank()) {
                if (op == Op.REMOVE) {
                    throw ScimFields.noTarget("A remove operation needs a path");
                }
                result = applyObject(result, operation.value(), "");
            } else {
                result = applyUserPath(result, op, operation.path().strip(), operation.value());
            }
        }
        return result;
    }

    private static ScimUser applyObject(ScimUser user, Object value, String prefix) {
        if (!(value instanceof Map<?, ?> map)) {
            throw ScimFields.syntax("An operation without a path needs an object as its value");
        }
        ScimUser result = user;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = prefix + entry.getKey();
            if (entry.getValue() instanceof Map<?, ?> && (key.equalsIgnoreCase("name")
                    || key.toLowerCase(Locale.ROOT).startsWith(EXTENSION))) {
                result = applyObject(result, entry.getValue(), key + (key.equalsIgnoreCase("name") ? "." : ":"));
            } else {
                result = applyUserPath(result, Op.REPLACE, key, entry.getValue());
            }
        }
        return result;
    }

    private static ScimUser applyUserPath(ScimUser user, Op op, String rawPath, Object value) {
        String path = rawPath.toLowerCase(Locale.ROOT);
        if (path.startsWith(USER_URN)) {
            path = path.substring(USER_URN.length());
        }
        boolean remove = op == Op.REMOVE;
        if (path.startsWith(ENTERPRISE_URN)) {
            return applyEnterprise(user, remove, rawPath, path.substring(ENTERPRISE_URN.length()), value);
        }
        if (path.startsWith(EXTENSION) || NOT_KEPT.contains(path.split("[\\[.]")[0])
                || NOT_KEPT.contains(path)) {
            return user;
        }
        if (EMAIL_PATH.matcher(path).matches()) {
            return user.withEmail(remove ? null : email(value));
        }
        return switch (path) {
            case "username" -> user.withUserName(remove ? null : string(rawPath, value));
            case "externalid" -> user.withExternalId(remove ? null : string(rawPath, value));
            case "displayname" -> user.withDisplayName(remove ? null : string(rawPath, value));
            case "name.givenname" -> user.withGivenName(remove ? null : string(rawPath, value));
            case "name.familyname" -> user.withFamilyName(remove ? null : string(rawPath, value));
            case "name" -> remove ? user.withGivenName(null).withFamilyName(null) : applyObject(user, value, "name.");
            case "active" -> user.withActive(!remove && bool(rawPath, value));
            case "id" -> throw ScimFields.readOnly("id cannot be changed");
            default -> throw ScimFields.invalidPath("Unknown or unsupported path '" + shown(rawPath) + "'");
        };
    }

    /**
     * An enterprise-extension path: the URN alone (its value an object of attributes) or {@code URN:attribute}.
     * Attributes other than the kept ones (manager) are dropped.
     */
    private static ScimUser applyEnterprise(ScimUser user, boolean remove, String rawPath, String rest,
                                            Object value) {
        if (rest.isEmpty()) {
            return remove ? user.withEnterprise(Map.of()) : applyObject(user, value, ENTERPRISE_URN + ":");
        }
        String attribute = rest.startsWith(":") ? rest.substring(1) : null;
        String kept = attribute == null ? null : ScimUser.ENTERPRISE.stream()
                .filter(name -> name.equalsIgnoreCase(attribute)).findFirst().orElse(null);
        if (kept == null) {
            return user;
        }
        return user.withEnterprise(kept, remove || value == null ? null : string(rawPath, value));
    }

    /**
     * A user from the attributes of a POST or PUT body (plain Java as read from JSON): {@code active} is true unless
     * sent, {@code id} and {@code meta} are the server's and ignored, as are attributes not kept.
     */
    public static ScimUser userFromResource(Object resource) {
        if (!(resource instanceof Map<?, ?> attributes)) {
            throw ScimFields.syntax("The body must be a JSON object");
        }
        Map<Object, Object> kept = new LinkedHashMap<>(attributes);
        kept.keySet().removeIf(k -> "id".equalsIgnoreCase(String.valueOf(k)));
        ScimUser blank = new ScimUser(null, null, null, null, null, null, null, true, null, null, Map.of(),
                List.of());
        return applyObject(blank, kept, "");
    }

    /** What a group PATCH asks: the members after it, and a new displayName or externalId if one was sent. */
    public record GroupChange(Set<String> memberIds, String displayName, String externalId, boolean externalIdSet) { }

    public static GroupChange applyToGroup(ScimGroup group, List<Operation> operations) {
        checkCount(operations);
        Set<String> members = new LinkedHashSet<>(group.members().stream().map(ScimGroup.Member::value).toList());
        String displayName = group.displayName();
        String externalId = group.externalId();
        boolean externalIdSet = false;
        int touched = 0;
        for (Operation operation : operations) {
            Op op = op(operation);
            String path = operation.path() == null ? "" : operation.path().strip();
            String lower = path.toLowerCase(Locale.ROOT);
            if (lower.startsWith(GROUP_URN)) {
                lower = lower.substring(GROUP_URN.length());
            }
            Matcher byValue = MEMBER_FILTER.matcher(path);
            if (byValue.matches()) {
                if (op != Op.REMOVE) {
                    throw ScimFields.invalidPath("Only remove may name one member by a filter");
                }
                members.remove(byValue.group(1));
                touched++;
            } else if (lower.equals("members")) {
                List<String> ids = memberIds(operation.value(), op == Op.REMOVE);
                touched += ids.size();
                switch (op) {
                    case ADD -> members.addAll(ids);
                    case REMOVE -> {
                        if (operation.value() == null) {
                            members.clear();
                        } else {
                            ids.forEach(members::remove);
                        }
                    }
                    case REPLACE -> {
                        members.clear();
                        members.addAll(ids);
                    }
                }
            } else if (lower.isEmpty() && operation.value() instanceof Map<?, ?> map && op != Op.REMOVE) {
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    String key = String.valueOf(entry.getKey()).toLowerCase(Locale.ROOT);
                    switch (key) {
                        case "displayname" -> displayName = string("displayName", entry.getValue());
                        case "externalid" -> {
                            externalId = string("externalId", entry.getValue());
                            externalIdSet = true;
                        }
                        case "members" -> {
                            List<String> ids = memberIds(entry.getValue(), false);
                            touched += ids.size();
                            if (op == Op.REPLACE) {
                                members.clear();
                            }
                            members.addAll(ids);
                        }
                        case "id" -> {
                            if (!group.id().equals(entry.getValue())) {
                                throw ScimFields.readOnly("id cannot be changed");
                            }
                        }
                        default -> throw ScimFields.invalidPath("Unknown or unsupported attribute '"
                                + shown(key) + "'");
                    }
                }
            } else if (lower.equals("displayname")) {
                if (op == Op.REMOVE) {
                    throw ScimFields.readOnly("displayName is required");
                }
                displayName = string(path, operation.value());
            } else if (lower.equals("externalid")) {
                externalId = op == Op.REMOVE ? null : string(path, operation.value());
                externalIdSet = true;
            } else {
                throw ScimFields.invalidPath("Unknown or unsupported path '" + shown(path) + "'");
            }
            if (touched > MAX_MEMBERS) {
                throw ScimFields.syntax("One PATCH may add or remove at most " + MAX_MEMBERS + " members");
            }
        }
        return new GroupChange(members, displayName, externalId, externalIdSet);
    }

    /** Member ids from {@code [{"value":"…"}, …]} (or one such object). */
    static List<String> memberIds(Object value, boolean mayBeAbsent) {
        if (value == null && mayBeAbsent) {
            return List.of();
        }
        List<?> items = value instanceof List<?> list ? list : value instanceof Map<?, ?> ? List.of(value) : null;
        if (items == null) {
            throw ScimFields.syntax("members must be a list of objects with a value");
        }
        List<String> ids = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> member) || !(member.get("value") instanceof String id) || id.isBlank()) {
                throw ScimFields.syntax("members must be a list of objects with a value");
            }
            ids.add(id);
        }
        if (ids.size() > MAX_MEMBERS) {
            throw ScimFields.syntax("One request may name at most " + MAX_MEMBERS + " members");
        }
        return ids;
    }

    private static Op op(Operation operation) {
        String op = operation.op() == null ? "" : operation.op().strip().toLowerCase(Locale.ROOT);
        return switch (op) {
            case "add" -> Op.ADD;
            case "replace" -> Op.REPLACE;
            case "remove" -> Op.REMOVE;
            default -> throw ScimFields.syntax("op must be add, replace or remove");
        };
    }

    private static String string(String path, Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw ScimFields.syntax(shown(path) + " must be a string");
        }
        return s;
    }

    /** true/false, or Entra ID's "True"/"False". */
    static boolean bool(String path, Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s.toLowerCase(Locale.ROOT));
        }
        throw ScimFields.syntax(shown(path) + " must be true or false");
    }

    /** An email from a string, an email object, or a list of them (the primary one, else the first). */
    static String email(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Map<?, ?> map) {
            return map.get("value") instanceof String s ? s : null;
        }
        if (value instanceof List<?> list) {
            Object first = list.isEmpty() ? null : list.getFirst();
            Object chosen = list.stream().<Object>map(e -> e).filter(e -> e instanceof Map<?, ?> m
                    && "true".equalsIgnoreCase(String.valueOf(m.get("primary"))))
                    .findFirst().orElse(first);
            return chosen == null ? null : email(chosen);
        }
        throw ScimFields.syntax("emails must be a list of objects with a value");
    }

    private static String shown(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
