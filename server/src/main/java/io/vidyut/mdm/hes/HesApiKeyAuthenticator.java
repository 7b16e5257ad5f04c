package io.vidyut.mdm.hes;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vidyut.mdm.common.CidrList;
import io.vidyut.mdm.security.MachineClient;
import io.vidyut.mdm.security.MachineClientAuthenticator;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks an HES's key (by hash, through a definer function, since the tenant is not yet known)
 * and its source address. Results are cached briefly so ingestion does not pay a query per request;
 * changes made on this instance take effect at once, on other instances within the cache's minute.
 */
@Component
class HesApiKeyAuthenticator implements MachineClientAuthenticator {
    private record KnownKey(MachineClient client, List<String> allowlist) {}

    private final JdbcClient jdbc;
    private final Cache<String, Optional<KnownKey>> keys = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1)).maximumSize(10_000).build();

    HesApiKeyAuthenticator(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Outcome authenticate(String apiKey, String remoteAddress) {
        return authenticate(ApiKeys.hash(apiKey), Credential.API_KEY, remoteAddress);
    }

    @Override
    public Outcome authenticateCertificate(byte[] certificate, String remoteAddress) {
        return authenticate(ClientCertificates.sha256(certificate), Credential.CLIENT_CERTIFICATE, remoteAddress);
    }

    private Outcome authenticate(byte[] hash, Credential kind, String remoteAddress) {
        Optional<KnownKey> known = keys.get(kind + ":" + HexFormat.of().formatHex(hash), h -> lookup(hash, kind));
        if (known.isEmpty()) return new UnknownKey();
        if (!CidrList.allows(known.get().allowlist(), remoteAddress)) {
            return new AddressNotAllowed(known.get().client().vendorCode(), remoteAddress);
        }
        return new Accepted(known.get().client());
    }

    /** A certificate just registered may have been presented (and found unknown) before: forget that answer. */
    void forgetCertificate(byte[] sha256) {
        keys.invalidate(Credential.CLIENT_CERTIFICATE + ":" + HexFormat.of().formatHex(sha256));
    }

    void forgetVendor(UUID vendorId) {
        keys.asMap().values().removeIf(k -> k.isPresent() && k.get().client().vendorId().equals(vendorId));
    }

    private Optional<KnownKey> lookup(byte[] hash, Credential kind) {
        return jdbc.sql("select * from mdm_hes_credential_lookup(?, ?)").params(hash, kind.name())
                .query((rs, n) -> new KnownKey(new MachineClient(rs.getObject("vendor_id", UUID.class),
                        rs.getString("vendor_code"), rs.getObject("tenant_id", UUID.class), rs.getString("tenant_code")),
                        HesVendorService.inetList(rs.getArray("ip_allowlist"))))
                .optional();
    }
}
