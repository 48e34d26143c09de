package org.identityledger.command.account;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void bundlesAtLeastTenThousandCommonPasswords() {
        assertThat(policy.commonPasswordCount()).isGreaterThanOrEqualTo(10_000);
    }

    @Test
    void acceptsALongUncommonPassphrase() {
        assertThatCode(() -> policy.check("correct horse battery staple")).doesNotThrowAnyException();
    }

    @Test
    void cannotChooseAPasswordShorterThanTwelveCharacters() {
        assertViolation("short-pw-11", PasswordPolicy.Violation.TOO_SHORT);
    }

    @Test
    void countsUnicodeAsCodePointsNotUtf16Units() {
        // Six emoji are twelve UTF-16 units but only six characters.
        assertViolation("😀😀😀😀😀😀", PasswordPolicy.Violation.TOO_SHORT);
        assertThatCode(() -> policy.check("😀😀😀😀😀😀😀😀😀😀😀😀")).doesNotThrowAnyException();
    }

    @Test
    void cannotChooseAPasswordWithHalfASurrogatePair() {
        char high = '\uD83D';
        char low = '\uDE00';
        assertViolation("a long passphrase " + high, PasswordPolicy.Violation.NOT_UNICODE);
        assertViolation(low + "a long passphrase", PasswordPolicy.Violation.NOT_UNICODE);
        assertViolation("a long " + low + high + " passphrase", PasswordPolicy.Violation.NOT_UNICODE);
        assertThatCode(() -> policy.check("a long " + high + low + " passphrase")).doesNotThrowAnyException();
    }

    @Test
    void acceptsExactlyTheLengthLimits() {
        assertThatCode(() -> policy.check("x7Kq!x7Kq!ab")).doesNotThrowAnyException();
        assertThatCode(() -> policy.check("q".repeat(127) + "Z")).doesNotThrowAnyException();
    }

    @Test
    void cannotChooseAPasswordLongerThan128CharactersAndNothingIsTruncated() {
        assertViolation("q".repeat(129), PasswordPolicy.Violation.TOO_LONG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"password1234", "qwerty123456", "1qaz2wsx3edc", "PASSWORD1234", "1q2w3e4r5t6y"})
    void cannotChooseACommonPassword(String password) {
        assertViolation(password, PasswordPolicy.Violation.TOO_COMMON);
    }

    private void assertViolation(String password, PasswordPolicy.Violation violation) {
        assertThatThrownBy(() -> policy.check(password))
                .isInstanceOfSatisfying(PasswordPolicyException.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(violation);
                    assertThat(refused.code()).isEqualTo("PASSWORD_POLICY");
                });
    }
}
