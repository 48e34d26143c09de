package org.identityledger.command.port;

import org.identityledger.command.common.DomainException;

/**
 * Mail cannot be accepted right now (the outbox or the background queue is at its bound). The request
 * that would have queued it is refused with 503 and Retry-After, so nothing answered 202 or 201 is
 * dropped later. A DomainException so that it survives Axon's wrapping like every refusal.
 */
public class MailBackloggedException extends DomainException {

    public MailBackloggedException() {
        super("SERVICE_UNAVAILABLE", "Too much mail is waiting to be delivered; try again shortly.");
    }
}
