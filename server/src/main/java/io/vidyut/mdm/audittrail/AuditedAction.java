package io.vidyut.mdm.audittrail;

/**
 * What happened, to what: an action code ({@code <target>.<verb>}, e.g. {@code user.created},
 * {@code sign_in.failed}), the target's type and id, and the target's state before and after (any value the API
 * would render as JSON: records, maps; null when there is none). Fields whose names say they hold a secret
 * (passwords, API keys, tokens, secrets, credentials) are redacted before anything is stored.
 *
 * @param actor who acted, when it is not the signed-in caller (a sign-in names the username given); null otherwise
 */
public record AuditedAction(String action, String targetType, String targetId, Object before, Object after,
                            String actor) {

    public AuditedAction {
        if (action == null || action.isBlank()) throw new IllegalArgumentException("an audited action needs a code");
    }

    public static AuditedAction of(String action, String targetType, Object targetId, Object before, Object after) {
        return new AuditedAction(action, targetType, targetId == null ? null : targetId.toString(), before, after, null);
    }

    /** The same action, done by someone the request's credentials do not name (e.g. a sign-in attempt). */
    public AuditedAction by(String actor) {
        return new AuditedAction(action, targetType, targetId, before, after, actor);
    }
}
