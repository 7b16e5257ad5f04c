package io.vidyut.mdm.simulator.fleet;

import java.util.Objects;

/** A distribution transformer and the feeder it hangs on (null when the server did not say). */
public record DtNode(String id, String feederId) {
    public DtNode {
        Objects.requireNonNull(id, "id");
    }
}
