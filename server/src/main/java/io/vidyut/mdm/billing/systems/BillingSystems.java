package io.vidyut.mdm.billing.systems;

import io.vidyut.mdm.audittrail.AuditTrail;
import io.vidyut.mdm.audittrail.AuditedAction;
import io.vidyut.mdm.billing.systems.BillingSystem.BillingDelivery;
import io.vidyut.mdm.billing.systems.BillingSystem.BillingSystemChange;
import io.vidyut.mdm.billing.systems.BillingSystem.BillingSystemSecret;
import io.vidyut.mdm.billing.systems.BillingSystem.BillingWindow;
import io.vidyut.mdm.billing.systems.BillingSystem.NewBillingSystem;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.FieldErrorsException.FieldError;
import io.vidyut.mdm.common.NotFoundException;
import io.vidyut.mdm.secrets.SecretBox;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant's billing-system profiles: adding one (with its first signing secret), changing its window and delivery,
 * rotating its secret. A secret is made here, shown to the administrator once and stored only sealed.
 */
@Service
class BillingSystems {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final BillingSystemStore store;
    private final SecretBox box;
    private final Clock clock;
    private final AuditTrail audit;

    BillingSystems(BillingSystemStore store, SecretBox box, Clock clock, AuditTrail audit) {
        this.store = store;
        this.box = box;
        this.clock = clock;
        this.audit = audit;
    }

    @Transactional
    BillingSystemSecret create(NewBillingSystem request, String user) {
        throwIfAny(BillingSystemValidator.problems(request));
        NewBillingSystem system = new NewBillingSystem(request.code(), request.name(), request.billingWindow(),
                withDefaults(request.delivery()));
        String secret = newSecret();
        UUID id = UUID.randomUUID();
        store.insert(id, system, box.seal(secret), box.seal(blankToNull(system.delivery().password())), user, clock.instant());
        BillingSystem created = get(system.code());
        audit.record(AuditedAction.of("billing_system.created", "billing_system", id, null, created));
        return new BillingSystemSecret(created, secret);
    }

    @Transactional(readOnly = true)
    List<BillingSystem> list() {
        return store.list();
    }

    @Transactional(readOnly = true)
    BillingSystem get(String code) {
        return find(code).system();
    }

    /** Name, window and delivery as changed; an SFTP delivery without a password keeps the stored one. */
    @Transactional
    BillingSystem update(String code, BillingSystemChange change) {
        throwIfAny(BillingSystemValidator.problems(change));
        BillingSystemStore.Stored stored = store.findForUpdate(code).orElseThrow(() -> notFound(code));
        BillingSystem before = stored.system();
        BillingWindow window = change.billingWindow() != null ? change.billingWindow()
                : before.billingWindow() != null ? before.billingWindow() : new BillingWindow(null, null);
        BillingDelivery delivery = change.delivery() != null ? withDefaults(change.delivery()) : before.delivery();
        String password = stored.sealedPassword();
        if (delivery.mode() != BillingSystem.Mode.SFTP) password = null;
        else if (change.delivery() != null && blankToNull(change.delivery().password()) != null) {
            password = box.seal(change.delivery().password());
        }
        store.update(stored.id(), change.name() != null ? change.name().strip() : before.name(), window, delivery, password,
                clock.instant());
        BillingSystem after = get(code);
        audit.record(AuditedAction.of("billing_system.updated", "billing_system", stored.id(), before, after));
        return after;
    }

    /** A new current secret; the one it replaces is still accepted until the next rotation, the one before no more. */
    @Transactional
    BillingSystemSecret rotateSecret(String code) {
        BillingSystemStore.Stored stored = store.findForUpdate(code).orElseThrow(() -> notFound(code));
        String secret = newSecret();
        store.rotate(stored.id(), box.seal(secret), clock.instant());
        BillingSystem after = get(code);
        audit.record(AuditedAction.of("billing_system.secret_rotated", "billing_system", stored.id(), stored.system(), after));
        return new BillingSystemSecret(after, secret);
    }

    /** The secrets a signature may be made with, current first; in the current tenant, which the caller has set. */
    @Transactional(readOnly = true)
    java.util.Optional<SigningSecrets> signingSecrets(String code) {
        return store.find(code).map(s -> new SigningSecrets(s.id(), s.system().code(), box.open(s.sealedSecret()),
                box.open(s.sealedPreviousSecret())));
    }

    /** The opened secrets of one system: never leaves this package, never logged. */
    record SigningSecrets(UUID systemId, String code, String current, String previous) {
        @Override
        public String toString() {
            return "SigningSecrets[" + code + "]";
        }
    }

    private BillingSystemStore.Stored find(String code) {
        return store.find(code).orElseThrow(() -> notFound(code));
    }

    private static BillingDelivery withDefaults(BillingDelivery delivery) {
        BillingSystem.Format format = delivery.format() == null ? BillingSystem.Format.CSV : delivery.format();
        Integer port = delivery.mode() == BillingSystem.Mode.SFTP && delivery.port() == null ? Integer.valueOf(22) : delivery.port();
        return new BillingDelivery(delivery.mode(), format, delivery.url(), delivery.folder(), delivery.host(), port,
                delivery.username(), delivery.password(), delivery.remoteDir(), delivery.hostKeyFingerprint(), null);
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "bsec_" + HexFormat.of().formatHex(bytes);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static NotFoundException notFound(String code) {
        return new NotFoundException("Billing system", code);
    }

    private static void throwIfAny(List<FieldError> problems) {
        if (!problems.isEmpty()) throw new FieldErrorsException(problems);
    }
}
