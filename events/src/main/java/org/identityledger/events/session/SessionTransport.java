package org.identityledger.events.session;

/** How a session's holder presents it: a browser cookie or a native bearer token. */
public enum SessionTransport {
    BROWSER,
    NATIVE;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
