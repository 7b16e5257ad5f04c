package io.vidyut.mdm.notifications;

import java.time.Instant;
import java.util.List;

/**
 * The text a kind of notice is sent with on a channel, as the API shows it: the tenant's own ({@code built_in}
 * false, with who saved it when) or the built-in one. {@code {name}} in the subject and body is replaced by the
 * notice's value of that placeholder; {@code placeholders} are those the kind has.
 *
 * @param subject       e-mail only
 * @param dltTemplateId SMS only: the 19-digit id the tenant's template is registered under on the DLT platform; none
 *                      on a built-in SMS text, which is therefore never sent
 */
record NoticeTemplate(NoticeKind kind, NoticeChannel channel, String subject, String body, String dltTemplateId,
                      List<String> placeholders, boolean builtIn, String updatedBy, Instant updatedAt) {

    /** What a tenant administrator saves: a subject for e-mail, and a DLT template id for SMS (both required there). */
    record NoticeTemplateChange(String subject, String body, String dltTemplateId) {}

    static NoticeTemplate builtIn(NoticeKind kind, NoticeChannel channel) {
        DefaultTemplates.Text text = DefaultTemplates.of(kind, channel);
        return new NoticeTemplate(kind, channel, text.subject(), text.body(), null, kind.placeholders(), true, null, null);
    }
}
