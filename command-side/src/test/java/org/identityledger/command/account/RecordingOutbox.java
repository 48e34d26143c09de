package org.identityledger.command.account;

import java.util.ArrayList;
import java.util.List;

/** Remembers what the aggregate queued for mailing. */
final class RecordingOutbox implements VerificationMailOutbox {

    final List<VerificationMail> mails = new ArrayList<>();

    @Override
    public void enqueue(VerificationMail mail) {
        mails.add(mail);
    }
}
