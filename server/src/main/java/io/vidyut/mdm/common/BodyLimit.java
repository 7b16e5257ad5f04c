package io.vidyut.mdm.common;

/**
 * A module's own bound on the request bodies of some of its paths (the HES pushes, say), which the web layer enforces
 * as the bytes arrive, before anything is buffered, instead of the general {@code mdm.http.max-body-bytes}.
 */
public interface BodyLimit {
    boolean covers(String path);

    long bytes();

    /** What the caller should do instead, for the 413 answer. */
    String advice();
}
