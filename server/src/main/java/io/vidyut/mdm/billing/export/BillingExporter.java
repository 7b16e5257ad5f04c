package io.vidyut.mdm.billing.export;

import org.springframework.stereotype.Service;

/**
 * Exports one batch to one billing system: the billing run's single way in. A file export (drop folder, SFTP) is
 * rendered and delivered before this returns, or fails with an {@link ExportFailure} saying whether trying again may
 * help; a REST push is enqueued (in the caller's transaction when there is one) and the outbox delivers it. Either way
 * a batch is bounded ({@code mdm.billing.export.max-lines}, {@code max-bytes}), and lines that cannot be exported are
 * left out and reported in the receipt while the others go.
 */
@Service
public class BillingExporter {
    private final ExportSettings settings;
    private final DropFolderTransport dropFolder;
    private final SftpTransport sftp;
    private final RestPushTransport restPush;

    BillingExporter(ExportSettings settings, DropFolderTransport dropFolder, SftpTransport sftp, RestPushTransport restPush) {
        this.settings = settings;
        this.dropFolder = dropFolder;
        this.sftp = sftp;
        this.restPush = restPush;
    }

    public ExportReceipt export(ExportBatch batch, ExportTarget target) {
        if (batch.lines().size() > settings.maxLines()) {
            throw ExportFailure.permanent("the batch has " + batch.lines().size() + " lines, more than "
                    + "mdm.billing.export.max-lines (" + settings.maxLines() + "): split the run");
        }
        if (target.mode() == ExportMode.REST_PUSH) return restPush.enqueue(batch, target.url(), target.secret());
        ExportFile file = render(batch, target.format());
        switch (target.mode()) {
            case DROP_FOLDER -> dropFolder.deliver(file, target.folder());
            case SFTP -> sftp.deliver(file, target);
            case REST_PUSH -> throw new IllegalStateException("pushed above");
        }
        return new ExportReceipt(file.name(), file.content().length, file.sha256(), file.refused(), null);
    }

    ExportFile render(ExportBatch batch, ExportFormat format) {
        return switch (format) {
            case CSV -> CsvLayout.render(batch, settings.maxBytes());
            case FIXED_WIDTH -> FixedWidthLayout.render(batch, settings.maxBytes());
        };
    }
}
