package io.vidyut.mdm.security;

import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * HTTPS ({@code mdm.tls.*}): the server's certificate chain and private key (PEM files; both or neither), the CA whose
 * client certificates HES systems may present (mutual TLS), and the protocols offered.
 */
@Validated
@ConfigurationProperties("mdm.tls")
record TlsProperties(String certificate, String privateKey, String clientCa, @NotEmpty List<String> protocols) {
    TlsProperties {
        if (certificate == null) certificate = "";
        if (privateKey == null) privateKey = "";
        if (clientCa == null) clientCa = "";
        if (protocols == null) protocols = List.of("TLSv1.3");
    }
}
