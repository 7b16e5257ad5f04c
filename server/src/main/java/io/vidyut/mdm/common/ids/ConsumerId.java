package io.vidyut.mdm.common.ids;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** A consumer (service point) of the network. */
public record ConsumerId(@JsonValue UUID value) implements TypedId {
    public ConsumerId {
        Objects.requireNonNull(value, "ConsumerId needs a value");
    }

    public static ConsumerId of(UUID value) {
        return value == null ? null : new ConsumerId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
