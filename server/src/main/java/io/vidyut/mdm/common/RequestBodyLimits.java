package io.vidyut.mdm.common;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;

/**
 * How many bytes a request body may have, by path: sign-in bodies a few KiB (anyone may send them),
 * HES pushes and CSV imports what a batch needs, every other JSON body {@code mdm.http.max-body-bytes}.
 */
@Component
class RequestBodyLimits {
    record Limit(long bytes, String advice) {}

    private static final AntPathMatcher PATHS = new AntPathMatcher();
    private final Limit signIn;
    private final Limit push;
    private final Limit csvImport;
    private final Limit other;

    RequestBodyLimits(@Value("${mdm.http.max-sign-in-bytes:8192}") long signIn,
                      // the ingest module's own limit (PayloadLimit), which it checks again for MQTT, files and pulls
                      @Value("${mdm.ingest.max-payload-bytes:33554432}") long push,
                      @Value("${mdm.http.max-import-bytes:33554432}") long csvImport,
                      @Value("${mdm.http.max-body-bytes:1048576}") long other) {
        this.signIn = new Limit(signIn, "Sign-in needs only a username and a password.");
        this.push = new Limit(push, "Split the batch into smaller ones.");
        this.csvImport = new Limit(csvImport, "Split the file into smaller ones.");
        this.other = new Limit(other, "");
    }

    Limit forPath(String path) {
        if (PATHS.match("/api/v1/auth/**", path)) return signIn;
        if (path.equals("/api/v1/meters/readings") || path.equals("/api/v1/meters/events")) return push;
        if (PATHS.match("/api/v1/**/import", path)) return csvImport;
        return other;
    }
}
