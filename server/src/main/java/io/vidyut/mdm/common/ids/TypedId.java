package io.vidyut.mdm.common.ids;

import java.util.Collection;
import java.util.UUID;

/**
 * An id that says what it names, so a signature taking a meter and a DT cannot be called with the two swapped.
 * Published module APIs take and return these; SQL still binds the plain {@link UUID}.
 */
public interface TypedId {
    UUID value();

    /** The plain UUIDs, as an array for a {@code = any(?)} parameter. */
    static UUID[] uuids(Collection<? extends TypedId> ids) {
        return ids.stream().map(TypedId::value).toArray(UUID[]::new);
    }
}
