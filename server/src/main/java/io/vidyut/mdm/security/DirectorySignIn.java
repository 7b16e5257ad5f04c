package io.vidyut.mdm.security;

import io.vidyut.mdm.tenancy.DirectorySettings;
import io.vidyut.mdm.tenancy.Tenant;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantDirectory;
import io.vidyut.mdm.tenancy.TenantScope;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-in of a directory user (created beforehand by the tenant administrator with auth source DIRECTORY): the
 * password is checked by a bind to the directory of the user's own tenant, never another's. With group roles
 * configured, the user's roles are those of their groups (stored, so refreshed tokens and the user list agree, and a
 * change ends the user's other sessions); a user in no mapped group cannot sign in. Without, the stored roles hold.
 */
@Component
class DirectorySignIn {
    private static final Logger log = LoggerFactory.getLogger(DirectorySignIn.class);
    private final DirectoryBind bind;
    private final TenantDirectory tenants;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Sessions sessions;

    DirectorySignIn(DirectoryBind bind, TenantDirectory tenants, JdbcClient jdbc, TransactionTemplate transactions,
                    Sessions sessions) {
        this.bind = bind;
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.sessions = sessions;
    }

    /** The user's roles after a successful bind with this password; empty when the sign-in fails. */
    Optional<Set<Role>> verify(UUID userId, String username, UUID tenantId, Set<Role> storedRoles, String password) {
        Optional<Tenant> tenant = tenants.findById(tenantId);
        Optional<DirectorySettings> directory = tenant.flatMap(t -> DirectorySettings.of(t.settings()));
        if (directory.isEmpty()) {
            log.warn("Directory user '{}' cannot sign in: the tenant has no directory (settings.ldap)", username);
            return Optional.empty();
        }
        Optional<DirectoryBind.Bound> bound = bind.bind(directory.get(), username, password);
        if (bound.isEmpty()) return Optional.empty();
        if (directory.get().groupRoles().isEmpty()) return Optional.of(storedRoles);
        Set<Role> roles = rolesOf(bound.get().groups(), directory.get().groupRoles());
        if (roles.isEmpty()) {
            log.warn("Directory user '{}' is in none of the groups that give a role", username);
            return Optional.empty();
        }
        if (!roles.equals(storedRoles)) store(userId, tenant.get(), roles);
        return Optional.of(roles);
    }

    static Set<Role> rolesOf(Set<LdapName> groups, Map<String, String> groupRoles) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        groupRoles.forEach((group, role) -> {
            try {
                if (groups.contains(new LdapName(group))) roles.add(Role.valueOf(role));
            } catch (InvalidNameException e) {
                // settings are validated when saved; a group that is no DN matches nobody
            }
        });
        roles.removeIf(role -> !role.grantableByTenantAdmin());
        return roles;
    }

    private void store(UUID userId, Tenant tenant, Set<Role> roles) {
        String literal = roles.stream().map(Role::name).sorted().collect(Collectors.joining(",", "{", "}"));
        TenantContext.runAs(TenantScope.of(tenant.id(), tenant.code()), () -> transactions.executeWithoutResult(status -> {
            jdbc.sql("update app_user set roles = ?::text[] where id = ?").params(literal, userId).update();
            sessions.endAllOf(userId, "roles changed in the directory");
        }));
        log.info("Roles of directory user {} set from its groups: {}", userId, roles);
    }
}
