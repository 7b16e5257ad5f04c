package io.vidyut.mdm.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates HES machine clients by {@code X-API-Key}, refusing addresses outside the vendor's allowlist. */
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
        if (key == null || key.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        MachineClientAuthenticator.Outcome outcome = authenticators.isEmpty()
                ? new MachineClientAuthenticator.UnknownKey()
                : authenticators.get(0).authenticate(key.trim(), request.getRemoteAddr());
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
}
