package io.vidyut.mdm.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A notice as the API lists it: what it said, to whom, and each channel's delivery. */
record StoredNotice(UUID id, NoticeKind kind, UUID consumerId, String dedupeKey, Map<String, String> values,
                    Instant createdAt, List<NoticeDelivery> deliveries) {

    /**
     * A notice on one channel: the address it went to ({@code +91…} or e-mail; none in-app), the text as rendered
     * (with the e-mail's subject, the SMS's DLT template id), its status, attempts so far, the last error (or why it
     * was skipped), the SMS gateway's id for the message or the e-mail's Message-ID, and when it was sent.
     */
    record NoticeDelivery(UUID id, NoticeChannel channel, String to, String subject, String text, String dltTemplateId,
                          DeliveryStatus status, int attempts, String lastError, String providerReference, Instant sentAt,
                          Instant updatedAt) {}
}
