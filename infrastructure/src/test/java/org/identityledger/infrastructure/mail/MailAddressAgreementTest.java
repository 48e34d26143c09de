package org.identityledger.infrastructure.mail;

import jakarta.mail.internet.InternetAddress;
import org.identityledger.command.account.EmailAddress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The grammar never lets through an address that the mail library would read as something else. */
class MailAddressAgreementTest {

    @Test
    void everyAcceptedAddressParsesStrictlyAsExactlyItself() throws Exception {
        String[] accepted = {"ada@example.com", "o'brien+tag@example.co.uk", "a.b-c_d@sub.example.org",
                "x!#$%&*/=?^`{|}~@example.com", "ada@B\u00FCcher.example", "ada@\uFF45xample.com"};
        for (String input : accepted) {
            String address = EmailAddress.mailAddress(input).orElseThrow(() -> new AssertionError(input));
            InternetAddress[] parsed = InternetAddress.parse(address, true);
            assertThat(parsed).as(input).hasSize(1);
            assertThat(parsed[0].getAddress()).as(input).isEqualTo(address);
            assertThat(parsed[0].getPersonal()).as(input).isNull();
        }
    }
}
