package io.vidyut.mdm.common.ids;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** A tenant (DISCOM). */
public record TenantId(@JsonValue UUID value) implements TypedId {
    public TenantId {
        Objects.requireNonNull(value, "TenantId needs a value");
    }

    public static TenantId of(UUID value) {
        return value == null ? null : new TenantId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
