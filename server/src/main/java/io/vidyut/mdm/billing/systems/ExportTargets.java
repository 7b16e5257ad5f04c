package io.vidyut.mdm.billing.systems;

import io.vidyut.mdm.billing.export.ExportFormat;
import io.vidyut.mdm.billing.export.ExportTarget;
import io.vidyut.mdm.common.ConflictException;
import io.vidyut.mdm.common.NotFoundException;
import io.vidyut.mdm.secrets.SecretBox;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a billing system takes its exports, with its secrets opened for the one call that needs them: the SFTP
 * password, or the current signing secret for a REST push (the same secret its webhook calls are signed with).
 */
@Component
public class ExportTargets {
    private final BillingSystemStore store;
    private final SecretBox box;

    ExportTargets(BillingSystemStore store, SecretBox box) {
        this.store = store;
        this.box = box;
    }

    /**
     * The codes of the current tenant's billing systems that take exports sent to them (not PULL) and bill on this
     * day of their window: the ones billing sends finished runs to by itself.
     */
    @Transactional(readOnly = true)
    public List<String> billingOn(LocalDate day) {
        return store.list().stream()
                .filter(system -> system.delivery().mode() != BillingSystem.Mode.PULL)
                .filter(system -> system.billingWindow() != null && system.billingWindow().holds(day.getDayOfMonth()))
                .map(BillingSystem::code).toList();
    }

    /** The current tenant's system {@code code}; a PULL system takes no export (409): it reads the summary itself. */
    @Transactional(readOnly = true)
    public ExportTarget of(String code) {
        BillingSystemStore.Stored stored = store.find(code).orElseThrow(() -> new NotFoundException("Billing system", code));
        BillingSystem.BillingDelivery delivery = stored.system().delivery();
        ExportFormat format = ExportFormat.valueOf(delivery.format().name());
        return switch (delivery.mode()) {
            case REST_PUSH -> ExportTarget.restPush(delivery.url(), box.open(stored.sealedSecret()));
            case FILE_DROP -> ExportTarget.dropFolder(format, delivery.folder());
            case SFTP -> ExportTarget.sftp(format, delivery.host(), delivery.port(), delivery.username(),
                    box.open(stored.sealedPassword()), delivery.remoteDir(), delivery.hostKeyFingerprint());
            case PULL -> throw new ConflictException("Billing system " + code
                    + " pulls its determinants from /billing/consumption-summary: nothing is sent to it");
        };
    }
}
