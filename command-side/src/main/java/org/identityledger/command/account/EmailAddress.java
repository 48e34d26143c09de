package org.identityledger.command.account;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one email grammar and its two forms. Policy: the local part is an RFC 5321 dot-atom of ASCII
 * atext only (no quoted strings, comments, display names or SMTPUTF8), so no Unicode case mapping
 * (Kelvin sign, dotted I, ß) can ever make two different mailboxes compare equal; the domain may be
 * internationalised and is converted to its IDNA A-label form. The <em>mail address</em> (local part
 * as typed, A-label domain in lower case) is what is stored and what SMTP is given; the
 * <em>comparison key</em> additionally lower-cases the ASCII local part. Both are derived from the same
 * parse, so the address compared is exactly the address mailed.
 */
public final class EmailAddress {

    public static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_PART = 64;
    private static final int MAX_LABEL = 63;
    private static final Pattern DOT_ATOM =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
    /** Any input longer than this cannot shrink under IDNA to a valid address; refuse before any work. */
    private static final int MAX_INPUT = 1_024;

    private EmailAddress() {
    }

    /** The address mail is sent to, or empty when the input is not an address under this grammar. */
    public static Optional<String> mailAddress(String input) {
        if (input == null || input.length() > MAX_INPUT) {
            return Optional.empty();
        }
        int at = input.indexOf('@');
        if (at < 1 || at != input.lastIndexOf('@')) {
            return Optional.empty();
        }
        String localPart = input.substring(0, at);
        if (localPart.length() > MAX_LOCAL_PART || !DOT_ATOM.matcher(localPart).matches()) {
            return Optional.empty();
        }
        return asciiDomain(input.substring(at + 1))
                .map(domain -> localPart + "@" + domain)
                .filter(address -> address.length() <= MAX_LENGTH);
    }

    public static boolean isValid(String input) {
        return mailAddress(input).isPresent();
    }

    /**
     * The comparison key for uniqueness, sign-in and per-address limits. Input outside the grammar
     * (only possible from events recorded before it) keeps its old key so that replay stays stable.
     */
    public static String normalize(String input) {
        return mailAddress(input)
                .map(address -> address.toLowerCase(Locale.ROOT))
                .orElseGet(() -> input.strip().toLowerCase(Locale.ROOT));
    }

    private static Optional<String> asciiDomain(String domain) {
        if (domain.isEmpty() || domain.endsWith(".") || domain.codePoints().anyMatch(EmailAddress::isInvisible)) {
            return Optional.empty();
        }
        String ascii;
        try {
            ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException notAHostName) {
            return Optional.empty();
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2) {
            return Optional.empty();
        }
        for (String label : labels) {
            if (label.length() > MAX_LABEL || !LABEL.matcher(label).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(ascii);
    }

    /** IDNA 2003 silently deletes some of these (zero-width joiners, soft hyphens); refuse them instead. */
    private static boolean isInvisible(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isWhitespace(codePoint) || type == Character.FORMAT || type == Character.CONTROL
                || type == Character.SURROGATE || type == Character.PRIVATE_USE || type == Character.UNASSIGNED;
    }
}
