package io.vidyut.mdm.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import io.vidyut.mdm.testing.ApiClient;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.TestTenant;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Directory users sign in by a bind to their own tenant's LDAP / Active Directory: real in-memory LDAP servers
 * (UnboundID), one per tenant, the second also answering Active Directory style binds by user principal name.
 */
class DirectorySignInTest extends IntegrationTest {
    static final String A_BASE = "dc=a-discom,dc=in";
    static final String B_BASE = "dc=b-discom,dc=in";
    static final String OPERATORS = "cn=mdm-operators,ou=groups," + A_BASE;
    static final String ANALYSTS = "cn=mdm-analysts,ou=groups," + A_BASE;
    static final String DIRECTORY_PASSWORD = "monsoon ledger at the substation";
    static InMemoryDirectoryServer directoryA;
    static InMemoryDirectoryServer directoryB;
    /** What Active Directory does for a bind by principal name: user@domain names the entry that has it. */
    static final Map<String, String> principalNames = new ConcurrentHashMap<>();

    TestTenant a;
    TestTenant b;

    @BeforeAll
    static void directories() throws Exception {
        directoryA = directory(A_BASE);
        directoryB = directory(B_BASE);
        for (InMemoryDirectoryServer directory : List.of(directoryA, directoryB)) {
            String base = directory == directoryA ? A_BASE : B_BASE;
            directory.add("dn: " + base, "objectClass: domain", "dc: " + base.substring(3, base.indexOf(',')));
            directory.add("dn: ou=staff," + base, "objectClass: organizationalUnit", "ou: staff");
            directory.add("dn: ou=groups," + base, "objectClass: organizationalUnit", "ou: groups");
        }
        directoryA.add("dn: " + ANALYSTS, "objectClass: groupOfNames", "cn: mdm-analysts", "member: cn=nobody");
    }

    static InMemoryDirectoryServer directory(String base) throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(base);
        config.setSchema(null); // memberOf as Active Directory keeps it, without its schema
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
        config.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
            @Override
            public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) throws LDAPException {
                String dn = principalNames.get(request.getRequest().getBindDN());
                if (dn != null) request.setRequest(new SimpleBindRequest(dn, request.getRequest().getPassword().getValue()));
            }
        });
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        server.startListening();
        return server;
    }

    @AfterAll
    static void stopDirectories() {
        directoryA.shutDown(true);
        directoryB.shutDown(true);
    }

    @BeforeEach
    void tenantsWithTheirDirectories() {
        a = newTenant();
        b = newTenant();
        useDirectory(a, directoryA, Map.of("user_dn_pattern", "uid={0},ou=staff," + A_BASE));
        useDirectory(b, directoryB, Map.of("user_dn_pattern", "uid={0},ou=staff," + B_BASE));
    }

    @Test
    void a_directory_user_signs_in_with_the_directory_password_into_a_normal_session_with_the_stored_roles() throws Exception {
        String ravi = directoryUser(a, "ravi", "OPERATOR");
        person(directoryA, "uid=" + ravi + ",ou=staff," + A_BASE, DIRECTORY_PASSWORD);

        ApiClient.Response signedIn = signIn(ravi, DIRECTORY_PASSWORD);

        assertThat(signedIn.status()).as(signedIn.raw()).isEqualTo(200);
        assertThat(signedIn.json().get("roles").toString()).isEqualTo("[\"OPERATOR\"]");
        assertThat(signedIn.json().get("tenant").asString()).isEqualTo(a.code());
        String token = signedIn.json().get("access_token").asString();
        JsonNode me = api.get("/api/v1/users/me", token).json();
        assertThat(me.get("auth_source").asString()).isEqualTo("DIRECTORY");
        ApiClient.Response refreshed = api.post("/api/v1/auth/refresh", null,
                Map.of("refresh_token", signedIn.json().get("refresh_token").asString()));
        assertThat(refreshed.status()).as(refreshed.raw()).isEqualTo(200);
        assertThat(api.get("/api/v1/meters", refreshed.json().get("access_token").asString()).status()).isEqualTo(200);
    }

    @Test
    void a_wrong_password_is_refused_and_counts_toward_the_lock_like_a_password_users() throws Exception {
        String ravi = directoryUser(a, "ravi", "OPERATOR");
        person(directoryA, "uid=" + ravi + ",ou=staff," + A_BASE, DIRECTORY_PASSWORD);

        for (int i = 0; i < 5; i++) {
            ApiClient.Response refused = signIn(ravi, "not the directory password " + i);
            assertThat(refused.status()).as(refused.raw()).isEqualTo(401);
            assertThat(refused.json().get("type").asString()).endsWith("/invalid-credentials");
        }

        ApiClient.Response locked = signIn(ravi, DIRECTORY_PASSWORD);
        assertThat(locked.status()).as("locked, even against the right password").isEqualTo(429);
        assertThat(locked.header("Retry-After")).isNotNull();
    }

    @Test
    void a_user_the_directory_does_not_know_is_refused() {
        String ghost = directoryUser(a, "ghost", "OPERATOR");

        assertThat(signIn(ghost, DIRECTORY_PASSWORD).status()).isEqualTo(401);
    }

    @Test
    void another_tenants_directory_is_never_used() throws Exception {
        String ravi = directoryUser(a, "ravi", "OPERATOR");
        // tenant B's directory knows an entry of the same name, with another password
        person(directoryB, "uid=" + ravi + ",ou=staff," + B_BASE, "b-discom directory password");
        person(directoryA, "uid=" + ravi + ",ou=staff," + A_BASE, DIRECTORY_PASSWORD);

        assertThat(signIn(ravi, "b-discom directory password").status()).isEqualTo(401);
        assertThat(signIn(ravi, DIRECTORY_PASSWORD).status()).isEqualTo(200);

        // a tenant without a directory: its directory users cannot sign in, whatever another tenant's directory says
        var cleared = api.put("/api/v1/platform/tenants/" + b.code(), platformAdmin(), Map.of("settings", Map.of()));
        assertThat(cleared.status()).isEqualTo(200);
        String meena = directoryUser(b, "meena", "ANALYST");
        person(directoryA, "uid=" + meena + ",ou=staff," + A_BASE, DIRECTORY_PASSWORD);
        person(directoryB, "uid=" + meena + ",ou=staff," + B_BASE, DIRECTORY_PASSWORD);
        assertThat(signIn(meena, DIRECTORY_PASSWORD).status()).isEqualTo(401);
    }

    @Test
    void with_group_roles_the_roles_come_from_the_groups_and_a_user_in_none_cannot_sign_in() throws Exception {
        useDirectory(a, directoryA, Map.of("user_dn_pattern", "uid={0},ou=staff," + A_BASE,
                "group_search_base", "ou=groups," + A_BASE,
                "group_roles", Map.of(OPERATORS, "OPERATOR", ANALYSTS, "ANALYST")));
        String ravi = directoryUser(a, "ravi", "CONSUMER");
        String raviDn = "uid=" + ravi + ",ou=staff," + A_BASE;
        // one group by the entry's memberOf (Active Directory), the other by the group's member list (OpenLDAP)
        person(directoryA, raviDn, DIRECTORY_PASSWORD, "memberOf: " + OPERATORS.toUpperCase());
        directoryA.modify("dn: " + ANALYSTS, "changetype: modify", "add: member", "member: " + raviDn);
        String outsider = directoryUser(a, "outsider", "OPERATOR");
        person(directoryA, "uid=" + outsider + ",ou=staff," + A_BASE, DIRECTORY_PASSWORD);

        ApiClient.Response signedIn = signIn(ravi, DIRECTORY_PASSWORD);

        assertThat(signedIn.status()).as(signedIn.raw()).isEqualTo(200);
        assertThat(signedIn.json().get("roles").toString()).isEqualTo("[\"ANALYST\",\"OPERATOR\"]");
        JsonNode stored = api.get("/api/v1/users?size=100", a.admin()).json().get("items");
        assertThat(stored.toString()).contains("\"username\":\"" + ravi + "\"");
        for (JsonNode user : stored) {
            if (user.get("username").asString().equals(ravi)) {
                assertThat(user.get("roles").toString()).as("stored, so refreshed tokens agree")
                        .contains("ANALYST", "OPERATOR").doesNotContain("CONSUMER");
            }
        }
        assertThat(signIn(outsider, DIRECTORY_PASSWORD).status()).as("in no group that gives a role").isEqualTo(401);
    }

    @Test
    void an_active_directory_style_bind_by_user_principal_name_works() throws Exception {
        useDirectory(a, directoryA, Map.of("user_dn_pattern", "{0}@a-discom.in", "user_search_base", A_BASE,
                "group_roles", Map.of(OPERATORS, "OPERATOR")));
        String ravi = directoryUser(a, "ravi", "ANALYST");
        String dn = "cn=Ravi Kumar,ou=staff," + A_BASE;
        person(directoryA, dn, DIRECTORY_PASSWORD, "userPrincipalName: " + ravi + "@a-discom.in", "memberOf: " + OPERATORS);
        principalNames.put(ravi + "@a-discom.in", dn);

        ApiClient.Response signedIn = signIn(ravi, DIRECTORY_PASSWORD);

        assertThat(signedIn.status()).as(signedIn.raw()).isEqualTo(200);
        assertThat(signedIn.json().get("roles").toString()).isEqualTo("[\"OPERATOR\"]");
        assertThat(signIn(ravi, "wrong " + DIRECTORY_PASSWORD).status()).isEqualTo(401);
    }

    @Test
    void a_directory_user_has_no_local_password() throws Exception {
        ApiClient.Response withPassword = api.post("/api/v1/users", a.admin(), Map.of("username", a.code() + ".both",
                "password", "a perfectly long password", "roles", List.of("OPERATOR"), "auth_source", "DIRECTORY"));
        assertThat(withPassword.status()).as(withPassword.raw()).isEqualTo(422);

        String ravi = a.code() + ".ravi";
        var created = api.post("/api/v1/users", a.admin(), Map.of("username", ravi, "roles", List.of("OPERATOR"),
                "auth_source", "DIRECTORY"));
        person(directoryA, "uid=" + ravi + ",ou=staff," + A_BASE, DIRECTORY_PASSWORD);
        String id = created.json().get("id").asString();
        ApiClient.Response setPassword = api.put("/api/v1/users/" + id, a.admin(),
                Map.of("password", "a perfectly long password"));
        assertThat(setPassword.status()).as(setPassword.raw()).isEqualTo(422);
        assertThat(signIn(ravi, "").status()).as("an empty password is never an anonymous bind").isIn(401, 422);
        var directory = new io.vidyut.mdm.tenancy.DirectorySettings("ldap://127.0.0.1:" + directoryA.getListenPort(),
                "uid={0},ou=staff," + A_BASE, null, null, Map.of());
        assertThat(new DirectoryBind().bind(directory, ravi, "")).as("below the request's validation too").isEmpty();
        assertThat(new DirectoryBind().bind(directory, ravi, DIRECTORY_PASSWORD)).isPresent();
    }

    @Test
    void the_platform_administrator_gets_a_reason_for_each_unusable_directory_setting() {
        assertThat(refusal(Map.of("url", "ldap://ad.discom.in:389", "user_dn_pattern", "uid={0},dc=in")))
                .contains("ldaps://");
        assertThat(refusal(Map.of("url", "ldaps://ad.discom.in:636", "user_dn_pattern", "{0}@discom.in")))
                .contains("needed with a user principal name bind");
        assertThat(refusal(Map.of("url", "ldaps://ad.discom.in:636", "user_dn_pattern", "uid=x,dc=in"))).contains("{0}");
        assertThat(refusal(Map.of("url", "ldaps://ad.discom.in:636", "user_dn_pattern", "uid={0},dc=in",
                "group_roles", Map.of("cn=admins,dc=in", "PLATFORM_ADMIN")))).contains("a role for");
    }

    private String refusal(Map<String, Object> ldap) {
        var refused = api.put("/api/v1/platform/tenants/" + a.code(), platformAdmin(), Map.of("settings", Map.of("ldap", ldap)));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(422);
        return refused.json().get("errors").get(0).get("message").asString();
    }

    private void useDirectory(TestTenant tenant, InMemoryDirectoryServer directory, Map<String, Object> ldap) {
        Map<String, Object> settings = new LinkedHashMap<>(ldap);
        settings.put("url", "ldap://127.0.0.1:" + directory.getListenPort());
        var saved = api.put("/api/v1/platform/tenants/" + tenant.code(), platformAdmin(),
                Map.of("settings", Map.of("ldap", settings)));
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
    }

    private String directoryUser(TestTenant tenant, String name, String role) {
        String username = tenant.code() + "." + name;
        var created = api.post("/api/v1/users", tenant.admin(), Map.of("username", username, "roles", List.of(role),
                "auth_source", "DIRECTORY"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.json().get("auth_source").asString()).isEqualTo("DIRECTORY");
        return username;
    }

    private static void person(InMemoryDirectoryServer directory, String dn, String password, String... more)
            throws Exception {
        List<String> ldif = new ArrayList<>(List.of("dn: " + dn, "objectClass: inetOrgPerson", "sn: Staff",
                "cn: " + dn.substring(dn.indexOf('=') + 1, dn.indexOf(',')), "userPassword: " + password));
        ldif.addAll(List.of(more));
        directory.add(ldif.toArray(String[]::new));
    }

    private ApiClient.Response signIn(String username, String password) {
        return api.post("/api/v1/auth/token", null, Map.of("username", username, "password", password));
    }
}
