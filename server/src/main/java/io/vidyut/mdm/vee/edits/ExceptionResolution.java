package io.vidyut.mdm.vee.edits;

import io.vidyut.mdm.channels.ChannelKind;
import io.vidyut.mdm.common.ConflictException;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.vee.EstimationMethod;
import io.vidyut.mdm.vee.exceptions.ExceptionQueue;
import io.vidyut.mdm.vee.exceptions.VeeException;
import io.vidyut.mdm.vee.VeeRule;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person resolves exceptions from the queue: ACCEPT closes one as it is; EDIT (to a value) and ESTIMATE are edits
 * of its range, which settle it when applied (at once, or when a second person approves). REPLACE takes the re-sent
 * values a RESEND_CHANGE exception holds: an edit setting each held value, kept and announced like any other.
 */
@Service
class ExceptionResolution {
    private final ExceptionQueue queue;
    private final EditService edits;

    ExceptionResolution(ExceptionQueue queue, EditService edits) {
        this.queue = queue;
        this.edits = edits;
    }

    /** How a person settles an exception; {@code value} for EDIT, {@code method} optionally for ESTIMATE. */
    record Resolution(Action action, EditReason reasonCode, String note, BigDecimal value, EstimationMethod method) {
        enum Action { ACCEPT, EDIT, ESTIMATE, REPLACE }
    }

    @Transactional
    List<VeeException> resolve(List<UUID> ids, Resolution resolution, String user) {
        if (ids == null || ids.isEmpty()) throw FieldErrorsException.of("ids", "name at least one exception");
        if (resolution == null || resolution.action() == null) throw FieldErrorsException.of("action", "one of ACCEPT, EDIT, ESTIMATE, REPLACE");
        if (resolution.reasonCode() == null) throw FieldErrorsException.of("reason_code", "every resolution states a reason");
        if (resolution.action() == Resolution.Action.EDIT && resolution.value() == null) {
            throw FieldErrorsException.of("value", "EDIT gives the value to store");
        }
        List<VeeException> resolved = new ArrayList<>();
        for (UUID id : ids) {
            VeeException exception = queue.get(id);
            if (!exception.status().equals("OPEN")) throw new ConflictException("Exception " + id + " is already resolved");
            String note = resolution.reasonCode() + (resolution.note() == null ? "" : ": " + resolution.note());
            switch (resolution.action()) {
                case ACCEPT -> queue.accept(id, note, user);
                case REPLACE -> {
                    if (exception.rule() != VeeRule.RESEND_CHANGE) {
                        throw FieldErrorsException.of("action", "REPLACE takes the held values of a RESEND_CHANGE exception");
                    }
                    edits.request(new EditRequest(List.of(exception.meterId()), exception.channel(), exception.firstAt(),
                            exception.lastAt(), EditRequest.Action.SET, null, heldValues(exception), null, null,
                            resolution.reasonCode(), resolution.note() == null ? "re-sent values taken" : resolution.note()), user);
                }
                case EDIT, ESTIMATE -> {
                    if (exception.channel().kind() != ChannelKind.INTERVAL) {
                        throw FieldErrorsException.of("action", exception.channel() + " is a register: ACCEPT it, or edit its intervals");
                    }
                    boolean edit = resolution.action() == Resolution.Action.EDIT;
                    edits.request(new EditRequest(List.of(exception.meterId()), exception.channel(), exception.firstAt(),
                            exception.lastAt(), edit ? EditRequest.Action.SET : EditRequest.Action.ESTIMATE,
                            edit ? resolution.value() : null, null, null, resolution.method(), resolution.reasonCode(),
                            resolution.note()), user);
                }
            }
            resolved.add(queue.get(id));
        }
        return resolved;
    }

    /** The re-sent values a RESEND_CHANGE exception holds, as recorded by validation. */
    private static List<EditRequest.IntervalValue> heldValues(VeeException exception) {
        List<EditRequest.IntervalValue> values = new ArrayList<>();
        for (Object each : (List<?>) exception.detail().get("held")) {
            Map<?, ?> held = (Map<?, ?>) each;
            values.add(new EditRequest.IntervalValue(OffsetDateTime.parse(held.get("at").toString()),
                    new BigDecimal(held.get("resent_value").toString())));
        }
        return values;
    }
}
