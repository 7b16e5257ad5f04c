package io.vidyut.mdm.security;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A person who signs in; platform administrators have no tenant. */
public record UserAccount(UUID id, UUID tenantId, String username, String displayName, Set<Role> roles,
                          boolean enabled, AuthSource authSource, Instant createdAt) {}
