package io.vidyut.mdm.billing.systems;

import io.vidyut.mdm.billing.systems.BillingSystem.BillingDelivery;
import io.vidyut.mdm.billing.systems.BillingSystem.BillingWindow;
import io.vidyut.mdm.billing.systems.BillingSystem.Mode;
import io.vidyut.mdm.common.FieldErrorsException.FieldError;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks a billing-system profile passes before it is stored, every problem at once. Bounds on everything (the
 * profile configures exports later: nothing unbounded or unreadable may wait there for them), and the delivery holds
 * exactly the settings its mode uses, so that a stray setting is never silently ignored.
 */
final class BillingSystemValidator {
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern HOST_KEY = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}=?");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\[\\]-]{1,253}");
    private static final int MAX_NAME = 200;
    private static final int MAX_URL = 2000;
    private static final int MAX_PATH = 500;
    private static final int MAX_USERNAME = 64;
    private static final int MAX_PASSWORD = 200;
    private static final Set<String> URL_SCHEMES = Set.of("https", "http");

    private final List<FieldError> errors = new ArrayList<>();

    private BillingSystemValidator() {}

    static List<FieldError> problems(BillingSystem.NewBillingSystem system) {
        BillingSystemValidator validator = new BillingSystemValidator();
        if (system.code() == null || !CODE.matcher(system.code()).matches()) {
            validator.error("code", "required: 1–32 of A-Z a-z 0-9 _ -");
        }
        validator.text("name", system.name(), MAX_NAME, true);
        validator.window(system.billingWindow());
        if (system.delivery() == null) validator.error("delivery", "required: {mode, format, …}");
        else validator.delivery(system.delivery());
        return List.copyOf(validator.errors);
    }

    static List<FieldError> problems(BillingSystem.BillingSystemChange change) {
        BillingSystemValidator validator = new BillingSystemValidator();
        if (change.name() != null) validator.text("name", change.name(), MAX_NAME, true);
        validator.window(change.billingWindow());
        if (change.delivery() != null) validator.delivery(change.delivery());
        return List.copyOf(validator.errors);
    }

    private void window(BillingWindow window) {
        if (window == null) return;
        if (window.firstDay() == null || window.lastDay() == null) {
            error("billing_window", "both first_day and last_day, or no billing_window");
        }
        day("billing_window.first_day", window.firstDay());
        day("billing_window.last_day", window.lastDay());
    }

    private void day(String field, Integer day) {
        // 28: every month has the day, February included
        if (day != null && (day < 1 || day > 28)) error(field, "a day of the month, 1–28");
    }

    private void delivery(BillingDelivery delivery) {
        if (delivery.mode() == null) {
            error("delivery.mode", "required: one of REST_PUSH, FILE_DROP, SFTP, PULL");
            return;
        }
        Mode mode = delivery.mode();
        setting(mode, Mode.REST_PUSH, "url", delivery.url());
        setting(mode, Mode.FILE_DROP, "folder", delivery.folder());
        setting(mode, Mode.SFTP, "host", delivery.host());
        setting(mode, Mode.SFTP, "port", delivery.port());
        setting(mode, Mode.SFTP, "username", delivery.username());
        setting(mode, Mode.SFTP, "password", delivery.password());
        setting(mode, Mode.SFTP, "remote_dir", delivery.remoteDir());
        setting(mode, Mode.SFTP, "host_key_fingerprint", delivery.hostKeyFingerprint());
        switch (mode) {
            case REST_PUSH -> url(delivery.url());
            case FILE_DROP -> path("delivery.folder", delivery.folder(), true);
            case SFTP -> {
                if (delivery.host() == null || !HOST.matcher(delivery.host()).matches()) {
                    error("delivery.host", "required: a host name or IP address, at most 253 characters");
                }
                if (delivery.port() != null && (delivery.port() < 1 || delivery.port() > 65535)) {
                    error("delivery.port", "1–65535 (default 22)");
                }
                text("delivery.username", delivery.username(), MAX_USERNAME, true);
                text("delivery.password", delivery.password(), MAX_PASSWORD, false);
                path("delivery.remote_dir", delivery.remoteDir(), false);
                if (delivery.hostKeyFingerprint() == null || !HOST_KEY.matcher(delivery.hostKeyFingerprint()).matches()) {
                    error("delivery.host_key_fingerprint", "required: the server's host key as ssh-keygen -lf shows it, SHA256:<base64>");
                }
            }
            case PULL -> { /* the billing system fetches: nothing to configure here */ }
        }
    }

    /** A setting of another mode than the delivery's is an error, not silently dropped. */
    private void setting(Mode mode, Mode owner, String name, Object value) {
        if (value != null && mode != owner) error("delivery." + name, "only for " + owner + " delivery, not " + mode);
    }

    private void url(String url) {
        if (url == null || url.isBlank()) {
            error("delivery.url", "required for REST_PUSH");
            return;
        }
        if (url.length() > MAX_URL) {
            error("delivery.url", "at most " + MAX_URL + " characters");
            return;
        }
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || !URL_SCHEMES.contains(uri.getScheme().toLowerCase(java.util.Locale.ROOT))
                    || uri.getHost() == null) {
                error("delivery.url", "an absolute https:// or http:// URL with a host");
            }
        } catch (URISyntaxException e) {
            error("delivery.url", "not a URL: " + e.getReason());
        }
    }

    /** A folder: bounded, printable, and no '..' that would climb out of where it is meant to be. */
    private void path(String field, String path, boolean required) {
        text(field, path, MAX_PATH, required);
        if (path != null && List.of(path.split("[/\\\\]")).contains("..")) error(field, "no '..' segments");
    }

    private void text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) error(field, "required");
            return;
        }
        if (value.length() > max) error(field, "at most " + max + " characters");
        if (value.chars().anyMatch(Character::isISOControl)) error(field, "no control characters");
    }

    private void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }
}
