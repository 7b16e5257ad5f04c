package io.vidyut.mdm.security;

import io.vidyut.mdm.common.FieldErrorsException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import me.gosimple.nbvcxz.resources.DictionaryUtil;

/**
 * What a new password must be, after NIST SP 800-63B: long enough (12 characters), not absurdly long (it is
 * hashed on every sign-in), not one of the 100,000 most common passwords (the list nbvcxz ships), and not the
 * username or built from it. No rules about character classes: they make passwords harder to remember, not to
 * guess.
 */
final class PasswordPolicy {
    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {}

    /** Refuses the password with every reason that applies (422), or returns quietly. */
    static void check(String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw FieldErrorsException.of("password", "at least " + MIN_LENGTH + " characters");
        }
        if (password.codePointCount(0, password.length()) > MAX_LENGTH) {
            throw FieldErrorsException.of("password", "at most " + MAX_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            throw FieldErrorsException.of("password", "one of the most common passwords; choose another");
        }
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw FieldErrorsException.of("password", "must not contain the username");
        }
    }

    private static Set<String> load() {
        Set<String> common = new HashSet<>();
        DictionaryUtil.loadUnrankedDictionary(DictionaryUtil.passwords).keySet()
                .forEach(password -> common.add(password.toLowerCase(Locale.ROOT)));
        return Set.copyOf(common);
    }
}
