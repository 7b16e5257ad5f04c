package io.vidyut.mdm.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates HES machine clients by {@code X-API-Key}, or by the client certificate presented over mutual TLS,
 * refusing addresses outside the vendor's allowlist. An unknown certificate alone authenticates nothing (the request
 * may still carry a token).
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {
    static final String HEADER = "X-API-Key";
    private final List<MachineClientAuthenticator> authenticators;
    private final ProblemWriter problems;

    ApiKeyAuthenticationFilter(List<MachineClientAuthenticator> authenticators, ProblemWriter problems) {
        this.authenticators = authenticators;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        X509Certificate certificate = clientCertificate(request);
        if ((key == null || key.isBlank()) && certificate == null || authenticators.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        MachineClientAuthenticator.Outcome outcome;
        if (key != null && !key.isBlank()) {
            outcome = authenticators.get(0).authenticate(key.trim(), request.getRemoteAddr());
        } else {
            outcome = authenticators.get(0).authenticateCertificate(encoded(certificate), request.getRemoteAddr());
            if (outcome instanceof MachineClientAuthenticator.UnknownKey) {
                chain.doFilter(request, response);
                return;
            }
        }
        if (outcome instanceof MachineClientAuthenticator.Accepted accepted) {
            var authentication = new PreAuthenticatedAuthenticationToken(accepted.client(), null,
                    List.of(new SimpleGrantedAuthority("ROLE_" + Role.HES.name())));
            SecurityContextHolder.getContext().setAuthentication(authentication);
            chain.doFilter(request, response);
        } else if (outcome instanceof MachineClientAuthenticator.AddressNotAllowed denied) {
            problems.write(response, HttpStatus.FORBIDDEN, "address-not-allowed", "Address not allowed",
                    "Address " + denied.remoteAddress() + " is not in the IP allowlist of HES vendor " + denied.vendorCode());
        } else {
            problems.write(response, HttpStatus.UNAUTHORIZED, "invalid-api-key", "Invalid API key",
                    "The X-API-Key is unknown or revoked");
        }
    }

    private static X509Certificate clientCertificate(HttpServletRequest request) {
        return request.getAttribute("jakarta.servlet.request.X509Certificate") instanceof X509Certificate[] chain
                && chain.length > 0 ? chain[0] : null;
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("A certificate the TLS layer accepted cannot be encoded", e);
        }
    }
}
