package io.vidyut.mdm.common.ids;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** A node of the electrical network: circle, division, sub-division, substation, feeder or DT. */
public record NodeId(@JsonValue UUID value) implements TypedId {
    public NodeId {
        Objects.requireNonNull(value, "NodeId needs a value");
    }

    public static NodeId of(UUID value) {
        return value == null ? null : new NodeId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
