package org.identityledger.command.account;

import java.util.ArrayList;
import java.util.List;

/** Remembers what the aggregate queued for mailing. */
final class RecordingOutbox implements AccountMailOutbox {

    final List<AccountMail> mails = new ArrayList<>();
    final List<String> discardedFor = new ArrayList<>();

    @Override
    public void discardMailTo(String email) {
        discardedFor.add(email);
    }

    @Override
    public void enqueue(AccountMail mail) {
        mails.add(mail);
    }
}
