package io.vidyut.mdm.notifications;

/** How a notice reaches a consumer. */
public enum NoticeChannel {
    /** A text message through the tenant's SMS gateway, to the consumer's mobile number. */
    SMS,
    /** E-mail through the platform's SMTP server, to the consumer's address. */
    EMAIL,
    /** Shown in the consumer's app: delivered as soon as the notice is recorded. */
    IN_APP
}
