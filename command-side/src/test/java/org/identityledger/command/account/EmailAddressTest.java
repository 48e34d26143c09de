package org.identityledger.command.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmailAddressTest {

    @Test
    void theComparisonKeyLowerCasesOnlyAsciiAndTheDomainIsItsALabel() {
        assertThat(EmailAddress.normalize("Ada.Lovelace@EXAMPLE.com")).isEqualTo("ada.lovelace@example.com");
        assertThat(EmailAddress.normalize("ada@B\u00FCcher.example")).isEqualTo("ada@xn--bcher-kva.example");
        assertThat(EmailAddress.mailAddress("Ada@B\u00FCcher.Example")).contains("Ada@xn--bcher-kva.example");
    }

    @Test
    void unicodeInTheLocalPartIsRefusedSoNoCaseMappingCanMergeTwoMailboxes() {
        assertThat(EmailAddress.isValid("\u212Aim@example.com")).isFalse();
        assertThat(EmailAddress.isValid("\u0130lker@example.com")).isFalse();
        assertThat(EmailAddress.isValid("stra\u00DFe@example.com")).isFalse();
    }

    @Test
    void displayNamesCommentsQuotesListsAndWhitespaceAreNotAddresses() {
        for (String hostile : new String[] {"x<alice@example.com>", "alice@example.com>", "<alice@example.com>",
                "alice(comment)@example.com", "\"quoted\"@example.com", "a@b.c,evil", "a@b.example;c@d.example",
                "a b@example.com", "a@exa mple.com", "a@example.com.", "a..b@example.com", ".a@example.com",
                "a@-example.com", "a@example..com", "a@localhost", "a@@example.com", "a@example.com:25",
                "a\uFF20example.com", "a@" + "l".repeat(64) + ".com", "a@exa\u200Dmple.com"}) {
            assertThat(EmailAddress.isValid(hostile)).as(hostile).isFalse();
        }
    }

    @Test
    void theLengthLimitAppliesToTheCanonicalForm() {
        assertThat(EmailAddress.isValid("a@" + "\u0130".repeat(200) + ".com")).isFalse();
        String longest = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(57) + ".com";
        assertThat(longest).hasSize(254);
        assertThat(EmailAddress.isValid(longest)).isTrue();
        assertThat(EmailAddress.isValid("x" + longest)).isFalse();
    }
}
