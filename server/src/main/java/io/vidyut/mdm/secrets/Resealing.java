package io.vidyut.mdm.secrets;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * After every start, in the background: secrets stored open or under a master key that is no longer primary are
 * re-sealed, so a rotation needs no downtime (start instances with the new key first in MDM_MASTER_KEYS, the old one
 * after it; once this has run, the old key can go).
 */
@Component
class Resealing implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(Resealing.class);
    private final List<SealedSecrets> stores;
    private final SecretBox box;

    Resealing(List<SealedSecrets> stores, SecretBox box) {
        this.stores = stores;
        this.box = box;
    }

    @Override
    public void run(ApplicationArguments args) {
        Thread thread = new Thread(this::resealAll, "secrets-resealing");
        thread.setDaemon(true);
        thread.start();
    }

    /** Re-seals every store's stale secrets; returns how many in all. */
    int resealAll() {
        int total = 0;
        for (SealedSecrets store : stores) {
            try {
                int resealed = store.resealStale(box);
                if (resealed > 0) log.info("Re-sealed {} {} under the primary master key", resealed, store.what());
                total += resealed;
            } catch (RuntimeException e) {
                log.error("Could not re-seal {}; they stay readable under their old key", store.what(), e);
            }
        }
        return total;
    }
}
