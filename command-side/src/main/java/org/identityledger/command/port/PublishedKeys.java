package org.identityledger.command.port;

import java.util.Map;

/** The public keys that verify access tokens, as the JWK set JSON object other services fetch. */
public interface PublishedKeys {

    Map<String, Object> publicKeySet();
}
