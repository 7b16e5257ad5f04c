package io.vidyut.mdm.vee.validation;

import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.readings.ResendPolicy;
import io.vidyut.mdm.vee.VeeRule;
import io.vidyut.mdm.vee.settings.MeterProfiles;
import io.vidyut.mdm.vee.settings.VeeProperties;
import io.vidyut.mdm.vee.settings.VeeSettings;
import io.vidyut.mdm.vee.settings.VeeSettingsService;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The store asks it about each changed re-send of an actual value: held for review when the meter class's settings
 * say HOLD, the RESEND_CHANGE rule runs and the change is beyond {@code resend_change_threshold_percent}. The
 * validator then records what was held as a RESEND_CHANGE exception. Settings and profiles come from caches.
 */
@Component
class ResendThreshold implements ResendPolicy {
    private final boolean enabled;
    private final MeterProfiles profiles;
    private final VeeSettingsService settings;

    ResendThreshold(VeeProperties properties, MeterProfiles profiles, VeeSettingsService settings) {
        this.enabled = properties.enabled();
        this.profiles = profiles;
        this.settings = settings;
    }

    @Override
    public boolean holds(UUID meterId, Channel channel, long stored, long resent) {
        if (!enabled) return false;
        return profiles.find(meterId).map(meter -> {
            VeeSettings rules = settings.effective(meter.category()).settings();
            return rules.resendChangeAction() == VeeSettings.ResendAction.HOLD && rules.checks(VeeRule.RESEND_CHANGE)
                    && rules.beyondResendThreshold(stored, resent);
        }).orElse(false);
    }
}
