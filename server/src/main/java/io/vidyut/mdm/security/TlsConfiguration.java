package io.vidyut.mdm.security;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.stereotype.Component;

/**
 * HTTPS on the server's own port when a certificate and its key are given (PEM files: {@code MDM_TLS_CERT},
 * {@code MDM_TLS_KEY}), TLS 1.3 only by default. With {@code MDM_TLS_CLIENT_CA} (the CA certificates that issue HES
 * client certificates) the server also asks for a client certificate, which an HES may present instead of an API key
 * (mutual TLS; people's browsers are not asked to present one, nor refused without one).
 */
@Component
class TlsConfiguration implements WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> {
    private static final Logger log = LoggerFactory.getLogger(TlsConfiguration.class);
    private final String certificate;
    private final String privateKey;
    private final String clientCa;
    private final List<String> protocols;

    TlsConfiguration(TlsProperties tls) {
        this.certificate = tls.certificate();
        this.privateKey = tls.privateKey();
        this.clientCa = tls.clientCa();
        this.protocols = tls.protocols();
    }

    @Override
    public void customize(ConfigurableServletWebServerFactory factory) {
        if (certificate.isBlank() && privateKey.isBlank()) return;
        if (certificate.isBlank() || privateKey.isBlank()) {
            throw new IllegalStateException("TLS needs both MDM_TLS_CERT and MDM_TLS_KEY");
        }
        Ssl ssl = new Ssl();
        ssl.setEnabled(true);
        ssl.setCertificate(location(certificate));
        ssl.setCertificatePrivateKey(location(privateKey));
        ssl.setEnabledProtocols(protocols.toArray(String[]::new));
        if (!clientCa.isBlank()) {
            ssl.setTrustCertificate(location(clientCa));
            ssl.setClientAuth(Ssl.ClientAuth.WANT);
        }
        factory.setSsl(ssl);
        log.info("HTTPS ({}){}", String.join(", ", protocols), clientCa.isBlank() ? "" : ", HES client certificates accepted");
    }

    /** A plain path is a file; Spring's own prefixes (classpath:, file:) pass as they are. */
    private static String location(String path) {
        return path.contains(":") ? path : "file:" + path;
    }
}
