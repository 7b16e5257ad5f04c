package io.vidyut.mdm.common.ids;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** A meter of the registry. */
public record MeterId(@JsonValue UUID value) implements TypedId {
    public MeterId {
        Objects.requireNonNull(value, "MeterId needs a value");
    }

    public static MeterId of(UUID value) {
        return value == null ? null : new MeterId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
