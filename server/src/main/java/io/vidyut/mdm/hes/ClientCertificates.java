package io.vidyut.mdm.hes;

import io.vidyut.mdm.common.FieldErrorsException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/** HES client certificates: read from PEM, known by the SHA-256 of their DER encoding. */
final class ClientCertificates {
    private ClientCertificates() {}

    static X509Certificate parse(String pem) {
        if (pem == null || pem.isBlank() || pem.length() > 20_000) {
            throw FieldErrorsException.of("certificate", "one X.509 certificate in PEM (-----BEGIN CERTIFICATE-----)");
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | ClassCastException e) {
            throw FieldErrorsException.of("certificate", "not an X.509 certificate in PEM: " + e.getMessage());
        }
    }

    static byte[] sha256(X509Certificate certificate) {
        try {
            return sha256(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw FieldErrorsException.of("certificate", "cannot be encoded: " + e.getMessage());
        }
    }

    static byte[] sha256(byte[] der) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(der);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static String fingerprint(byte[] sha256) {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(sha256);
    }
}
