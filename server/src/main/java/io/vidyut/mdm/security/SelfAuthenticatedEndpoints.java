package io.vidyut.mdm.security;

import java.util.List;

/**
 * POST paths whose callers are no users or HES keys but outside systems that sign each request body with a shared
 * secret (the DISCOM billing system's webhook). The module that owns such a path checks the signature itself, since
 * only it knows the secrets and only the raw body can be checked; the filter chain lets these paths through without
 * a token. Implemented by the owning module, as {@link MachineClientAuthenticator} is by the HES module.
 */
public interface SelfAuthenticatedEndpoints {
    List<String> postPaths();
}
