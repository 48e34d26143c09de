package org.identityledger.command.account;

import java.util.Locale;
import java.util.regex.Pattern;

/** Email syntax and the case-insensitive form used for uniqueness and sign-in lookup. */
public final class EmailAddress {

    public static final int MAX_LENGTH = 254;
    private static final Pattern SHAPE = Pattern.compile(
            "^[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}.]+(\\.[^@\\s\\p{Cntrl}.]+)+$");

    private EmailAddress() {
    }

    public static boolean isValid(String email) {
        return email != null && email.length() <= MAX_LENGTH && SHAPE.matcher(email).matches()
                && email.codePoints().allMatch(EmailAddress::isPrintable);
    }

    /** No lone surrogates, format characters (bidi overrides, zero-width), private-use or unassigned code points. */
    private static boolean isPrintable(int codePoint) {
        int type = Character.getType(codePoint);
        return type != Character.SURROGATE && type != Character.FORMAT && type != Character.PRIVATE_USE
                && type != Character.UNASSIGNED && type != Character.CONTROL;
    }

    public static String normalize(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
