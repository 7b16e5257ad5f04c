package io.vidyut.mdm.billing.export;

import io.vidyut.mdm.outbox.KindSettings;
import io.vidyut.mdm.outbox.Outbox;
import io.vidyut.mdm.outbox.OutboxHandler;
import io.vidyut.mdm.outbox.OutboxMessage;
import io.vidyut.mdm.secrets.SecretBox;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST push: a batch becomes one {@code billing.export} outbox message, enqueued in the caller's transaction when
 * there is one (a billing run that rolls back pushes nothing), and the outbox delivers it at least once through
 * {@link PushSender}, with its retries and backoff ({@code mdm.outbox.kinds.[billing.export].*}). The message keeps the
 * exact JSON that is signed and sent, and the signing secret sealed ({@link SecretBox}), never open, in the table.
 * Messages to one billing system are delivered in the order they were enqueued.
 */
@Component
class RestPushTransport implements OutboxHandler {
    static final String KIND = "billing.export";
    static final int MIN_SECRET = 16;

    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final PushSender sender;
    private final SecretBox box;
    private final ExportSettings settings;
    private final JsonMapper json;

    RestPushTransport(Outbox outbox, TransactionTemplate transactions, PushSender sender, SecretBox box,
                      ExportSettings settings, JsonMapper json) {
        this.outbox = outbox;
        this.transactions = transactions;
        this.sender = sender;
        this.box = box;
        this.settings = settings;
        // the receiver reads numbers as written: 1000, never 1E+3
        this.json = json.rebuild().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
    }

    /** What a {@code billing.export} message carries: where to, the sealed secret, the run, and the body as sent. */
    record Payload(String url, String secret, String runId, String body) {}

    /** The JSON pushed: the batch with the lines that passed {@link LineCheck}. */
    record Body(String tenantCode, String systemCode, String runId, LocalDate periodTo, OffsetDateTime createdAt,
                List<ExportLine> lines) {}

    @Override
    public String kind() {
        return KIND;
    }

    /** A claimed message is left to its call for the call's bounds and 30 s more before another attempt may take it. */
    @Override
    public KindSettings defaults() {
        return new KindSettings(null, null, null, settings.connectTimeout().plus(settings.timeout()).plusSeconds(30), null);
    }

    /** Enqueues the push under the current tenant, which must be the batch's. */
    ExportReceipt enqueue(ExportBatch batch, String url, String secret) {
        check(batch, url, secret);
        List<RefusedLine> refused = new ArrayList<>();
        List<ExportLine> accepted = new ArrayList<>();
        for (int i = 0; i < batch.lines().size(); i++) {
            ExportLine line = batch.lines().get(i);
            List<String> problems = LineCheck.problems(line);
            if (problems.isEmpty()) accepted.add(line);
            else refused.add(new RefusedLine(i, line.accountNo(), String.join("; ", problems)));
        }
        String body = json.writeValueAsString(new Body(batch.tenantCode(), batch.systemCode(), batch.runId(), batch.periodTo(),
                batch.createdAt(), accepted));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > settings.maxBytes()) {
            throw ExportFailure.permanent("the push body is larger than mdm.billing.export.max-bytes (" + settings.maxBytes()
                    + " bytes)");
        }
        Outbox.Message message = Outbox.Message.of(KIND, new Payload(url, box.seal(secret), batch.runId(), body))
                .orderedBy(batch.systemCode()).about(batch.runId());
        UUID id = transactions.execute(status -> outbox.enqueue(message));
        return new ExportReceipt(null, bytes.length, ExportFile.sha256(bytes), refused, id);
    }

    @Override
    public Outcome deliver(OutboxMessage message) {
        Payload payload = json.treeToValue(message.payload(), Payload.class);
        return sender.send(payload.url(), box.open(payload.secret()), message.id(), payload.runId(), payload.body());
    }

    private void check(ExportBatch batch, String url, String secret) {
        String tenant = TenantContext.current().map(TenantScope::tenantCode).orElse(null);
        if (!batch.tenantCode().equals(tenant)) {
            throw ExportFailure.permanent("the batch is tenant " + batch.tenantCode() + "'s, the push would be " + tenant + "'s");
        }
        if (!httpUrl(url)) throw ExportFailure.permanent("a REST push needs an absolute http or https URL");
        sender.refusal(url).ifPresent(refusal -> {
            throw ExportFailure.permanent("push URL refused: " + refusal);
        });
        if (secret == null || secret.length() < MIN_SECRET) {
            throw ExportFailure.permanent("a REST push needs a signing secret of at least " + MIN_SECRET + " characters");
        }
    }

    private static boolean httpUrl(String url) {
        if (url == null) return false;
        try {
            URI uri = URI.create(url);
            return uri.isAbsolute() && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
