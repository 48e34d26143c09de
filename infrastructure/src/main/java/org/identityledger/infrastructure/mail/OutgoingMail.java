package org.identityledger.infrastructure.mail;

/** One message as it waits in the outbox. */
record OutgoingMail(long id, String recipient, String subject, String textBody, String htmlBody,
                    String previewLink, int attempts) {

    @Override
    public String toString() {
        return "OutgoingMail[id=" + id + ", attempts=" + attempts + "]";
    }
}
