package org.identityledger.web.auth;

import org.identityledger.command.port.PublishedKeys;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.Map;

/** The public keys that verify access tokens (RFC 7517), for resource servers that verify offline. */
@RestController
class JwksController {

    private final PublishedKeys publishedKeys;

    JwksController(PublishedKeys publishedKeys) {
        this.publishedKeys = publishedKeys;
    }

    @GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(publishedKeys.publicKeySet());
    }
}
