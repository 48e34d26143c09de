package org.identityledger.web.validation;

import org.identityledger.command.account.EmailAddress;

/** What a validated field means to the service: the forms clients may send, reduced to one. */
public final class RequestValues {

    private RequestValues() {
    }

    /** The address mail will really be sent to; only ever called on a field validated with {@link MailAddress}. */
    public static String mailAddress(String email) {
        return EmailAddress.mailAddress(email.strip()).orElseThrow();
    }

    /** Stripped, and absent when blank. */
    public static String optionalText(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public static String optionalSecret(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** "ios" or absent: "web" is the default and means the same as sending nothing. */
    public static String returnTarget(String value) {
        return value == null || value.isEmpty() || "web".equals(value) ? null : value;
    }
}
