package io.vidyut.mdm.audittrail;

import java.util.List;
import org.slf4j.MDC;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who acts and from where, as the request being served says: the authenticated name and roles, the client address
 * (the servlet's remote address, which honours forwarded headers only when the server is configured to trust a
 * proxy) and the request id. Work outside any request (start-up, the demo seed, scheduled jobs) acts as "system".
 */
record Caller(String actor, List<String> roles, String address, String requestId) {
    static final String SYSTEM = "system";
    private static final int MAX_ACTOR = 200;

    static Caller current(String actorOverride) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
        String actor = actorOverride != null ? actorOverride : signedIn ? authentication.getName() : null;
        List<String> roles = signedIn && actorOverride == null ? authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).filter(a -> a != null && a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length())).sorted().toList() : List.of();
        String address = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr() : null;
        if (actor == null) actor = address == null ? SYSTEM : "anonymous";
        return new Caller(truncate(actor), roles, address, MDC.get("requestId"));
    }

    /** A sign-in attempt's username is whatever was typed: bounded so the trail stays readable. */
    private static String truncate(String actor) {
        return actor.length() <= MAX_ACTOR ? actor : actor.substring(0, MAX_ACTOR) + "…";
    }
}
