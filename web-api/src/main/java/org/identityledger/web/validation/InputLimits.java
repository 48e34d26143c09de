package org.identityledger.web.validation;

import org.identityledger.command.account.EmailAddress;
import org.identityledger.command.account.PasswordPolicy;

/**
 * The longest value each kind of field may carry. Emails and passwords take their limits from the
 * domain's rules, so the edge never disagrees with them; a password a signup or reset proposes is
 * judged by the password policy alone (400 PASSWORD_POLICY, as the contract says).
 */
public final class InputLimits {

    public static final int EMAIL = EmailAddress.MAX_LENGTH;
    /** A password presented at sign-in: none longer can have been accepted by the policy. */
    public static final int PASSWORD = PasswordPolicy.MAX_LENGTH;
    /** Verification and reset tokens: 43 characters today; room for a longer format later. */
    public static final int TOKEN = 256;
    public static final int REFRESH_TOKEN = 256;
    public static final int DEVICE_TOKEN = 200;
    /** Display names and device names, counted in code points. */
    public static final int NAME = 100;

    private InputLimits() {
    }
}
