package io.vidyut.mdm.security;

import io.vidyut.mdm.tenancy.DirectorySettings;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.naming.InvalidNameException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import javax.naming.ldap.LdapName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ldap.core.support.LdapContextSource;
import org.springframework.ldap.support.LdapEncoder;
import org.springframework.ldap.support.LdapUtils;
import org.springframework.stereotype.Component;

/**
 * Checks a directory user's password by binding to the tenant's LDAP / Active Directory as that user, and reads the
 * groups the user is in (the entry's {@code memberOf}, and groups under the group search base that name the user as
 * member), all over the user's own connection: no service account is kept. A directory that cannot be reached counts
 * as a failed sign-in (logged), never as a success.
 */
@Component
class DirectoryBind {
    private static final Logger log = LoggerFactory.getLogger(DirectoryBind.class);
    /** A slow directory must not hold sign-in threads for long. */
    private static final Map<String, Object> TIMEOUTS = Map.of("com.sun.jndi.ldap.connect.timeout", "5000",
            "com.sun.jndi.ldap.read.timeout", "10000");

    /** Who the directory says the user is: the bound entry's DN and the DNs of its groups. */
    record Bound(LdapName userDn, Set<LdapName> groups) {}

    /** The bound user; empty when the password is wrong, the user is not there, or the directory did not answer. */
    Optional<Bound> bind(DirectorySettings directory, String username, String password) {
        // a simple bind with an empty password is an anonymous bind, which many directories accept
        if (password == null || password.isEmpty()) return Optional.empty();
        String principal = directory.userDnPattern().replace("{0}",
                directory.bindsByDn() ? LdapEncoder.nameEncode(username) : username);
        DirContext context;
        try {
            context = contextSource(directory).getContext(principal, password);
        } catch (org.springframework.ldap.AuthenticationException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            log.warn("The directory {} refused or did not answer a bind: {}", directory.url(), e.toString());
            return Optional.empty();
        }
        try {
            LdapName userDn = directory.bindsByDn() ? new LdapName(principal) : findByPrincipalName(context, directory, principal);
            if (userDn == null) return Optional.empty();
            Set<LdapName> groups = new HashSet<>(memberOf(context, userDn));
            if (directory.groupSearchBase() != null) groups.addAll(groupsNaming(context, directory.groupSearchBase(), userDn));
            return Optional.of(new Bound(userDn, groups));
        } catch (NamingException e) {
            log.warn("Bound to {} as '{}' but could not read the user's groups: {}", directory.url(), username, e.toString());
            return Optional.empty();
        } finally {
            LdapUtils.closeContext(context);
        }
    }

    private static LdapContextSource contextSource(DirectorySettings directory) {
        LdapContextSource source = new LdapContextSource();
        source.setUrl(directory.url());
        source.setPooled(false);
        source.setBaseEnvironmentProperties(TIMEOUTS);
        source.afterPropertiesSet();
        return source;
    }

    /** An Active Directory bind names the user by principal name; its entry (and DN) is found under the search base. */
    private static LdapName findByPrincipalName(DirContext context, DirectorySettings directory, String principal)
            throws NamingException {
        SearchControls controls = new SearchControls(SearchControls.SUBTREE_SCOPE, 2, 10_000, new String[] {"cn"}, false, false);
        NamingEnumeration<SearchResult> found = context.search(directory.userSearchBase(), "(userPrincipalName={0})",
                new Object[] {principal}, controls);
        try {
            if (!found.hasMore()) return null;
            return new LdapName(found.next().getNameInNamespace());
        } finally {
            found.close();
        }
    }

    private static Set<LdapName> memberOf(DirContext context, LdapName userDn) throws NamingException {
        Attributes attributes = context.getAttributes(userDn, new String[] {"memberOf"});
        return names(attributes.get("memberOf"));
    }

    private static Set<LdapName> groupsNaming(DirContext context, String base, LdapName userDn) throws NamingException {
        SearchControls controls = new SearchControls(SearchControls.SUBTREE_SCOPE, 500, 10_000, new String[] {"cn"}, false, false);
        Set<LdapName> groups = new HashSet<>();
        NamingEnumeration<SearchResult> found = context.search(base, "(|(member={0})(uniqueMember={0}))",
                new Object[] {userDn.toString()}, controls);
        try {
            while (found.hasMore()) groups.add(new LdapName(found.next().getNameInNamespace()));
        } finally {
            found.close();
        }
        return groups;
    }

    private static Set<LdapName> names(Attribute attribute) throws NamingException {
        Set<LdapName> names = new HashSet<>();
        if (attribute == null) return names;
        NamingEnumeration<?> values = attribute.getAll();
        while (values.hasMore()) {
            Object value = values.next();
            try {
                names.add(new LdapName(String.valueOf(value)));
            } catch (InvalidNameException e) {
                // a value that is no DN names no group we could map
            }
        }
        return names;
    }
}
