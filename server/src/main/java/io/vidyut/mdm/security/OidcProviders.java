package io.vidyut.mdm.security;

import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.secrets.SecretBox;
import io.vidyut.mdm.tenancy.Tenant;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The OIDC providers of tenants (one each at most), read and written in the tenant's own row-level security. */
@Component
class OidcProviders {
    static final String MASK = "********";
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final SecretBox secrets;
    private final Clock clock;

    OidcProviders(JdbcClient jdbc, TransactionTemplate transactions, SecretBox secrets, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** What the platform administrator sends; a secret of null or {@value #MASK} keeps the one stored. */
    record Settings(String displayName, String issuerUri, String clientId, String clientSecret, String usernameClaim) {}

    /** What is shown back: the secret never. */
    record View(String displayName, String issuerUri, String clientId, String clientSecret, String usernameClaim,
                String redirectPath) {}

    Optional<OidcProvider> of(Tenant tenant) {
        return TenantContext.callAs(scope(tenant), () -> transactions.execute(status -> jdbc
                .sql("select * from oidc_provider where tenant_id = ?").param(tenant.id())
                .query((rs, n) -> new OidcProvider(rs.getObject("tenant_id", UUID.class), rs.getString("display_name"),
                        rs.getString("issuer_uri"), rs.getString("client_id"), rs.getString("client_secret"),
                        rs.getString("username_claim"), rs.getTimestamp("updated_at").toInstant()))
                .optional()));
    }

    View save(Tenant tenant, Settings settings) {
        String issuer = required(settings.issuerUri(), "issuer_uri");
        URI uri;
        try {
            uri = URI.create(issuer);
        } catch (IllegalArgumentException e) {
            throw FieldErrorsException.of("issuer_uri", "an https:// URL");
        }
        if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && loopback(uri.getHost()))) {
            throw FieldErrorsException.of("issuer_uri", "an https:// URL (http:// for a loopback address only)");
        }
        String clientId = required(settings.clientId(), "client_id");
        String displayName = required(settings.displayName(), "display_name");
        String claim = settings.usernameClaim() == null || settings.usernameClaim().isBlank()
                ? OidcProvider.DEFAULT_USERNAME_CLAIM : settings.usernameClaim().strip();
        Optional<OidcProvider> existing = of(tenant);
        String secret = settings.clientSecret() == null || MASK.equals(settings.clientSecret())
                ? existing.map(OidcProvider::sealedClientSecret)
                        .orElseThrow(() -> FieldErrorsException.of("client_secret", "required"))
                : secrets.seal(required(settings.clientSecret(), "client_secret"));
        TenantContext.runAs(scope(tenant), () -> transactions.executeWithoutResult(status -> jdbc.sql("""
                insert into oidc_provider (tenant_id, display_name, issuer_uri, client_id, client_secret, username_claim, updated_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id) do update set display_name = excluded.display_name, issuer_uri = excluded.issuer_uri,
                  client_id = excluded.client_id, client_secret = excluded.client_secret,
                  username_claim = excluded.username_claim, updated_at = excluded.updated_at""")
                .params(tenant.id(), displayName, issuer.replaceAll("/+$", ""), clientId, secret, claim,
                        Timestamp.from(clock.instant()))
                .update()));
        return view(of(tenant).orElseThrow());
    }

    boolean remove(Tenant tenant) {
        return TenantContext.callAs(scope(tenant), () -> transactions.execute(status ->
                jdbc.sql("delete from oidc_provider where tenant_id = ?").param(tenant.id()).update() > 0));
    }

    static View view(OidcProvider provider) {
        return new View(provider.displayName(), provider.issuerUri(), provider.clientId(), MASK, provider.usernameClaim(),
                OidcController.CALLBACK_PATH);
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank() || value.length() > 500) throw FieldErrorsException.of(field, "required");
        return value.strip();
    }

    private static boolean loopback(String host) {
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
    }

    private static TenantScope scope(Tenant tenant) {
        return TenantScope.of(tenant.id(), tenant.code());
    }
}
