package io.vidyut.mdm.vee;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Another module's veto on editing a meter's data in a time range (billing locks its closed periods). */
public interface EditGuard {
    /** Why the range may not be edited, or empty when it may. Called inside the tenant's transaction. */
    Optional<String> refusal(UUID meterId, Instant firstAt, Instant lastAt);
}
