package io.vidyut.mdm.security;

import io.vidyut.mdm.audittrail.AuditTrail;
import io.vidyut.mdm.audittrail.AuditedAction;
import io.vidyut.mdm.common.ConflictException;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.NotFoundException;
import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import io.vidyut.mdm.tenancy.TenantContext;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users and their sign-in check: a local password, or for directory users a bind to their tenant's directory.
 * Tenant rows are reached only through row-level security.
 */
@Service
class UserService implements UserDirectory {
    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Sessions sessions;
    private final AuditTrail audit;
    private final DirectorySignIn directory;
    /** Compared against when the username is unknown, so both paths cost one hash. */
    private final String decoyHash;

    UserService(JdbcClient jdbc, PasswordEncoder passwords, Sessions sessions, AuditTrail audit, DirectorySignIn directory) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.sessions = sessions;
        this.audit = audit;
        this.directory = directory;
        this.decoyHash = passwords.encode("decoy-password-for-timing");
    }

    record SignedIn(String username, UUID tenantId, String tenantCode, Set<Role> roles) {}

    private record StoredCredentials(UUID userId, String passwordHash, boolean enabled, UUID tenantId, String tenantCode,
                                     Set<Role> roles, AuthSource source) {}

    Optional<SignedIn> verify(String username, String password) {
        Optional<StoredCredentials> stored = jdbc.sql("select * from mdm_sign_in_lookup(?)").param(username)
                .query((rs, n) -> new StoredCredentials(rs.getObject("user_id", UUID.class), rs.getString("password_hash"),
                        rs.getBoolean("enabled"), rs.getObject("tenant_id", UUID.class), rs.getString("tenant_code"),
                        roles(rs.getArray("roles")), AuthSource.valueOf(rs.getString("auth_source"))))
                .optional();
        if (stored.isPresent() && stored.get().source() == AuthSource.DIRECTORY) {
            return stored.filter(StoredCredentials::enabled).flatMap(s -> directory
                    .verify(s.userId(), username, s.tenantId(), s.roles(), password)
                    .map(roles -> new SignedIn(username, s.tenantId(), s.tenantCode(), roles)));
        }
        boolean matches = passwords.matches(password, stored.map(StoredCredentials::passwordHash).orElse(decoyHash));
        return stored.filter(s -> matches && s.enabled())
                .map(s -> new SignedIn(username, s.tenantId(), s.tenantCode(), s.roles()));
    }

    /**
     * A user of this tenant whom the tenant's identity provider vouched for (OIDC sign-in): enabled, whatever their
     * auth source; empty for an unknown username or one of another tenant.
     */
    Optional<SignedIn> vouchedFor(String username, UUID tenantId) {
        if (username == null || username.isBlank()) return Optional.empty();
        return jdbc.sql("select * from mdm_sign_in_lookup(?) where enabled and tenant_id = ?").params(username, tenantId)
                .query((rs, n) -> new SignedIn(username, tenantId, rs.getString("tenant_code"), roles(rs.getArray("roles"))))
                .optional();
    }

    @Override
    public boolean passwordIs(String username, String password) {
        return verify(username, password).isPresent();
    }

    @Override
    @Transactional
    public UserAccount create(NewUser user) {
        return createIn(TenantContext.requireTenantId(), user);
    }

    /** Platform administrators are the only users without a tenant. */
    @Transactional
    UserAccount createPlatformAdmin(String username, String password) {
        return createIn(null, new NewUser(username, password, "Platform administrator", EnumSet.of(Role.PLATFORM_ADMIN)));
    }

    private UserAccount createIn(UUID tenantId, NewUser user) {
        boolean byDirectory = user.authSource() == AuthSource.DIRECTORY;
        if (byDirectory && user.password() != null) {
            throw FieldErrorsException.of("password", "a directory user has no password here: they sign in with their "
                    + "directory password");
        }
        if (!byDirectory) {
            if (user.password() == null || user.password().isBlank()) throw FieldErrorsException.of("password", "required");
            PasswordPolicy.check(user.password(), user.username());
        }
        if (byDirectory && tenantId == null) throw FieldErrorsException.of("auth_source", "platform administrators sign in with a password");
        if (user.roles() == null || user.roles().isEmpty()) throw FieldErrorsException.of("roles", "at least one role");
        if (tenantId != null && !user.roles().stream().allMatch(Role::grantableByTenantAdmin)) {
            throw FieldErrorsException.of("roles", "PLATFORM_ADMIN and HES cannot be granted to a tenant user");
        }
        if (tenantId != null) requireTenantNamespace(user.username());
        // within the tenant's own namespace, a taken name tells the tenant nothing about any other tenant
        if (exists(user.username())) throw new ConflictException("Username " + user.username() + " is taken");
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into app_user (id, tenant_id, username, password_hash, display_name, roles, auth_source) "
                        + "values (?, ?, ?, ?, ?, ?::text[], ?)")
                .params(id, tenantId, user.username(), byDirectory ? null : passwords.encode(user.password()),
                        user.displayName() == null ? user.username() : user.displayName(), rolesLiteral(user.roles()),
                        user.authSource().name())
                .update();
        UserAccount created = get(id);
        audit.record(AuditedAction.of("user.created", "user", id, null, created));
        return created;
    }

    /**
     * Usernames are unique across the platform, so each tenant names its users in its own namespace, its code and a
     * dot ({@code demo.ravi}): otherwise a tenant could learn which names another tenant uses from "taken".
     */
    private static void requireTenantNamespace(String username) {
        String prefix = TenantContext.current().map(scope -> scope.tenantCode() + ".").orElseThrow();
        if (username == null || !username.toLowerCase(java.util.Locale.ROOT).startsWith(prefix.toLowerCase(java.util.Locale.ROOT))
                || username.length() <= prefix.length()) {
            throw FieldErrorsException.of("username", "starts with the tenant's code and a dot, e.g. " + prefix + "ravi");
        }
    }

    @Override
    public boolean exists(String username) {
        return jdbc.sql("select count(*) from mdm_sign_in_lookup(?)").param(username).query(Long.class).single() > 0;
    }

    @Transactional(readOnly = true)
    boolean platformAdminExists() {
        return jdbc.sql("select count(*) from app_user where tenant_id is null").query(Long.class).single() > 0;
    }

    @Transactional(readOnly = true)
    Page<UserAccount> list(PageRequest page) {
        // explicit: a platform administrator acting inside a tenant also sees platform rows
        var items = jdbc.sql("select * from app_user where tenant_id = mdm_current_tenant() order by username limit ? offset ?")
                .params(page.size(), page.offset()).query(this::map).list();
        long total = jdbc.sql("select count(*) from app_user where tenant_id = mdm_current_tenant()")
                .query(Long.class).single();
        return Page.of(items, page, total);
    }

    @Transactional(readOnly = true)
    UserAccount get(UUID id) {
        return jdbc.sql("select * from app_user where id = ?").param(id).query(this::map).optional()
                .orElseThrow(() -> new NotFoundException("User", id));
    }

    @Transactional(readOnly = true)
    UserAccount byUsername(String username) {
        return jdbc.sql("select * from app_user where username = ?").param(username).query(this::map).optional()
                .orElseThrow(() -> new NotFoundException("User", username));
    }

    @Transactional
    UserAccount update(UUID id, String displayName, Set<Role> roles, Boolean enabled, String password) {
        UserAccount existing = get(id);
        if (roles != null && (roles.isEmpty() || !roles.stream().allMatch(Role::grantableByTenantAdmin))) {
            throw FieldErrorsException.of("roles", "at least one role; PLATFORM_ADMIN and HES cannot be granted");
        }
        if (password != null && existing.authSource() == AuthSource.DIRECTORY) {
            throw FieldErrorsException.of("password", "a directory user's password is kept in the directory");
        }
        if (password != null) PasswordPolicy.check(password, existing.username());
        jdbc.sql("""
                update app_user set display_name = ?, roles = ?::text[], enabled = ?,
                       password_hash = coalesce(?, password_hash) where id = ?""")
                .params(displayName == null ? existing.displayName() : displayName,
                        rolesLiteral(roles == null ? existing.roles() : roles),
                        enabled == null ? existing.enabled() : enabled,
                        password == null ? null : passwords.encode(password),
                        id)
                .update();
        UserAccount updated = get(id);
        // the password itself never: that it changed is the action, and the diff shows what else did
        audit.record(AuditedAction.of(password == null ? "user.updated" : "user.password_changed", "user", id, existing, updated));
        // what the user's open sessions were granted no longer holds: their tokens stop working now
        if (!updated.enabled() && existing.enabled()) sessions.endAllOf(id, "user disabled");
        else if (!updated.roles().equals(existing.roles())) sessions.endAllOf(id, "roles changed");
        else if (password != null) sessions.endAllOf(id, "password changed");
        return updated;
    }

    private static String rolesLiteral(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(",", "{", "}"));
    }

    private static Set<Role> roles(Array array) throws SQLException {
        return Arrays.stream((String[]) array.getArray()).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    private UserAccount map(ResultSet rs, int row) throws SQLException {
        return new UserAccount(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                rs.getString("username"), rs.getString("display_name"), roles(rs.getArray("roles")),
                rs.getBoolean("enabled"), AuthSource.valueOf(rs.getString("auth_source")),
                rs.getTimestamp("created_at").toInstant());
    }
}
