package org.identityledger.command.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * NIST SP 800-63B / OWASP ASVS password rules: length counted in Unicode code points (12 to 128,
 * never truncated), no composition rules, and a refusal of passwords found in breach corpora.
 */
@org.springframework.stereotype.Component
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    private static final String COMMON_PASSWORDS = "common-passwords.txt";

    private final Set<String> commonPasswords;

    public PasswordPolicy() {
        this.commonPasswords = loadCommonPasswords();
    }

    public void check(String password) {
        if (!isUnicode(password)) {
            throw new PasswordPolicyException(Violation.NOT_UNICODE);
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new PasswordPolicyException(Violation.TOO_SHORT);
        }
        if (length > MAX_LENGTH) {
            throw new PasswordPolicyException(Violation.TOO_LONG);
        }
        if (commonPasswords.contains(password.toLowerCase(Locale.ROOT))) {
            throw new PasswordPolicyException(Violation.TOO_COMMON);
        }
    }

    /** A JSON escape can carry half of a surrogate pair; such text has no UTF-8 form to hash. */
    private static boolean isUnicode(String password) {
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < password.length() && Character.isLowSurrogate(password.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    int commonPasswordCount() {
        return commonPasswords.size();
    }

    private static Set<String> loadCommonPasswords() {
        InputStream stream = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS);
        if (stream == null) {
            throw new IllegalStateException("bundled " + COMMON_PASSWORDS + " is missing");
        }
        Set<String> passwords = new HashSet<>(40_000);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    passwords.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return Set.copyOf(passwords);
    }

    public enum Violation {
        TOO_SHORT("The password must be at least " + MIN_LENGTH + " characters long."),
        TOO_LONG("The password must be at most " + MAX_LENGTH + " characters long."),
        TOO_COMMON("This password is too common; it appears in lists of breached passwords."),
        NOT_UNICODE("The password contains half of a Unicode surrogate pair, which is not a character.");

        private final String message;

        Violation(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }
}
