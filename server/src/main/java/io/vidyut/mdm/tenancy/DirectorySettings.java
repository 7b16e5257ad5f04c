package io.vidyut.mdm.tenancy;

import io.vidyut.mdm.common.FieldErrorsException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;

/**
 * The LDAP / Active Directory a tenant's directory users sign in against, from its settings:
 * <pre>{@code "ldap": {"url": "ldaps://ad.discom.in:636",
 *          "user_dn_pattern": "uid={0},ou=staff,dc=discom,dc=in",    (or "{0}@discom.in": an AD UPN bind)
 *          "user_search_base": "dc=discom,dc=in",                    (needed for a UPN bind, to find the user's groups)
 *          "group_search_base": "ou=groups,dc=discom,dc=in",         (optional: groups naming the user as member)
 *          "group_roles": {"cn=mdm-operators,ou=groups,dc=discom,dc=in": "OPERATOR"}}}</pre>
 * Set by the platform administrator. Passwords cross to the directory, so plain {@code ldap://} is allowed only to a
 * loopback address (a lab, or a local TLS tunnel); anywhere else it must be {@code ldaps://}.
 */
public record DirectorySettings(String url, String userDnPattern, String userSearchBase, String groupSearchBase,
                                Map<String, String> groupRoles) {
    /** The roles a tenant administrator may grant (security.Role less PLATFORM_ADMIN and HES); a group maps to one. */
    static final Set<String> GRANTABLE_ROLES = Set.of("TENANT_ADMIN", "OPERATOR", "ANALYST", "FIELD_TECH", "CONSUMER");
    private static final String FIELD = "settings.ldap";

    /** The tenant's directory; empty when it has none. */
    public static Optional<DirectorySettings> of(Map<String, Object> settings) {
        Object section = settings == null ? null : settings.get("ldap");
        if (section == null) return Optional.empty();
        if (!(section instanceof Map<?, ?> ldap)) throw FieldErrorsException.of(FIELD, "an object");
        String url = text(ldap, "url", true);
        String pattern = text(ldap, "user_dn_pattern", true);
        String userSearchBase = text(ldap, "user_search_base", false);
        String groupSearchBase = text(ldap, "group_search_base", false);
        checkUrl(url);
        if (!pattern.contains("{0}")) throw FieldErrorsException.of(FIELD + ".user_dn_pattern", "must contain {0}, the username");
        DirectorySettings parsed = new DirectorySettings(url, pattern, userSearchBase, groupSearchBase, groupRoles(ldap));
        if (parsed.bindsByDn()) checkDn(pattern.replace("{0}", "user"), FIELD + ".user_dn_pattern");
        else if (userSearchBase == null) {
            throw FieldErrorsException.of(FIELD + ".user_search_base", "needed with a user principal name bind ({0}@domain), "
                    + "to find the user's groups");
        }
        if (userSearchBase != null) checkDn(userSearchBase, FIELD + ".user_search_base");
        if (groupSearchBase != null) checkDn(groupSearchBase, FIELD + ".group_search_base");
        return Optional.of(parsed);
    }

    /** A DN pattern ({@code uid={0},ou=…}) rather than an Active Directory principal name ({@code {0}@domain}). */
    public boolean bindsByDn() {
        return userDnPattern.contains("=");
    }

    private static String text(Map<?, ?> ldap, String key, boolean required) {
        Object value = ldap.get(key);
        if (value == null && !required) return null;
        if (!(value instanceof String text) || text.isBlank() || text.length() > 500) {
            throw FieldErrorsException.of(FIELD + "." + key, "a text" + (required ? " (required)" : ""));
        }
        return text.strip();
    }

    private static void checkUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw FieldErrorsException.of(FIELD + ".url", "an ldaps:// URL");
        }
        boolean plain = "ldap".equalsIgnoreCase(uri.getScheme());
        if (!(plain || "ldaps".equalsIgnoreCase(uri.getScheme())) || uri.getHost() == null
                || (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/"))) {
            throw FieldErrorsException.of(FIELD + ".url", "an ldaps:// URL with a host (and port), no path");
        }
        if (plain && !loopback(uri.getHost())) {
            throw FieldErrorsException.of(FIELD + ".url", "ldaps:// (passwords cross to the directory; plain ldap:// is for "
                    + "a loopback address only)");
        }
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void checkDn(String dn, String field) {
        try {
            new LdapName(dn);
        } catch (InvalidNameException e) {
            throw FieldErrorsException.of(field, "a distinguished name such as ou=staff,dc=discom,dc=in");
        }
    }

    private static Map<String, String> groupRoles(Map<?, ?> ldap) {
        Object value = ldap.get("group_roles");
        if (value == null) return Map.of();
        if (!(value instanceof Map<?, ?> groups)) throw FieldErrorsException.of(FIELD + ".group_roles", "an object");
        Map<String, String> roles = new LinkedHashMap<>();
        groups.forEach((group, role) -> {
            if (!(group instanceof String dn)) throw FieldErrorsException.of(FIELD + ".group_roles", "group DNs as keys");
            checkDn(dn, FIELD + ".group_roles");
            if (!(role instanceof String name) || !GRANTABLE_ROLES.contains(name)) {
                throw FieldErrorsException.of(FIELD + ".group_roles", "a role for " + dn + ": one of " + GRANTABLE_ROLES.stream().sorted().toList());
            }
            roles.put(dn, name);
        });
        return Map.copyOf(roles);
    }
}
