package io.vidyut.mdm.common;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;

/**
 * How many bytes a request body may have, by path: sign-in bodies a few KiB (anyone may send them), the paths a
 * module bounds itself ({@link BodyLimit}: HES pushes) and CSV imports what a batch needs, every other JSON body
 * {@code mdm.http.max-body-bytes}.
 */
@Component
class RequestBodyLimits {
    record Limit(long bytes, String advice) {}

    private static final AntPathMatcher PATHS = new AntPathMatcher();
    private final Limit signIn;
    private final List<BodyLimit> modules;
    private final Limit csvImport;
    private final Limit other;

    RequestBodyLimits(HttpProperties http, List<BodyLimit> modules) {
        this.signIn = new Limit(http.maxSignInBytes(), "Sign-in needs only a username and a password.");
        this.modules = List.copyOf(modules);
        this.csvImport = new Limit(http.maxImportBytes(), "Split the file into smaller ones.");
        this.other = new Limit(http.maxBodyBytes(), "");
    }

    Limit forPath(String path) {
        if (PATHS.match("/api/v1/auth/**", path)) return signIn;
        for (BodyLimit module : modules) {
            if (module.covers(path)) return new Limit(module.bytes(), module.advice());
        }
        if (PATHS.match("/api/v1/**/import", path)) return csvImport;
        return other;
    }
}
