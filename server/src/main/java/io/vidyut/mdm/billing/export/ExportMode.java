package io.vidyut.mdm.billing.export;

/** How an export reaches the billing system. */
public enum ExportMode {
    /** A file written into a folder under {@code mdm.billing.export.drop-root} (a share the billing system reads). */
    DROP_FOLDER,
    /** A file uploaded to the billing system's SFTP server. */
    SFTP,
    /** The batch POSTed as signed JSON to the billing system's URL, through the outbox. */
    REST_PUSH
}
