/**
 * Delivers billing determinants to a DISCOM's billing system: one {@link io.vidyut.mdm.billing.export.ExportBatch}
 * (a billing run's lines) rendered as CSV or a fixed-width file ({@link io.vidyut.mdm.billing.export.CsvLayout},
 * {@link io.vidyut.mdm.billing.export.FixedWidthLayout}) and dropped into a folder, uploaded by SFTP, or POSTed as
 * signed JSON through the outbox ({@link io.vidyut.mdm.billing.export.DropFolderTransport},
 * {@link io.vidyut.mdm.billing.export.SftpTransport}, {@link io.vidyut.mdm.billing.export.RestPushTransport}), all
 * behind {@link io.vidyut.mdm.billing.export.BillingExporter}. It keeps no table: what was exported when is the billing
 * run's to record. Internal to the billing module. See docs/billing.md, "Exports to the billing system".
 */
package io.vidyut.mdm.billing.export;
