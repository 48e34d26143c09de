package org.identityledger.infrastructure.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Verifies an export of the ledger (GET /v1/audit/export) offline, from the chain's formula alone:
 * each line's payload against its sealed payload hash, each line's hash recomputed, each line linked
 * to the one before, positions ascending; and, given one, a signed checkpoint against the published
 * keys and the export. The library form of {@code java -jar identity-ledger.jar verify-ledger}:
 * {@code LedgerVerifier.verify(export, checkpoint, jwks)} (the last two may be null).
 */
public final class LedgerVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LedgerVerifier() {
    }

    /** What a verification found: everything verified, or the first position that failed and why. */
    public record Result(boolean verified, long events, long lastPosition, Long failedPosition, String reason) {

        public String report() {
            return verified ? "verified " + events + " events up to position " + lastPosition + (reason == null ? "" : "; " + reason)
                    : "FAILED at position " + failedPosition + ": " + reason;
        }
    }

    public static Result verify(Path export, Path checkpoint, Path jwks) {
        try (BufferedReader lines = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            Result chain = verifyChain(lines, export);
            if (!chain.verified() || checkpoint == null) {
                return chain;
            }
            return verifyCheckpoint(chain, Files.readString(checkpoint), jwks == null ? null : Files.readString(jwks), export);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static Result verifyChain(BufferedReader lines, Path export) throws IOException {
        String previousHash = null;
        long previousPosition = 0;
        long events = 0;
        boolean resumed = false;
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode entry = JSON.readTree(line);
            long position = entry.path("position").asLong();
            String sealedPayloadHash = entry.path("payload_sha256").asText();
            String prevHash = entry.path("prev_hash").asText();
            String hash = entry.path("hash").asText();
            if (events > 0 && position <= previousPosition) {
                return failed(events, previousPosition, position, "order changed: position " + position + " follows " + previousPosition);
            }
            if (previousHash == null) {
                // An export from the start begins at the genesis link; one resumed with "after" links to an earlier event.
                resumed = !prevHash.equals(ChainFormula.GENESIS);
            } else if (!prevHash.equals(previousHash)) {
                return failed(events, previousPosition, position, "event removed: the event sealed before position " + position
                        + " is missing (prev_hash does not link to the line before)");
            }
            String payloadHash = payloadHash(entry);
            String recomputed = ChainFormula.hash(prevHash, link(entry, position, payloadHash));
            if (!payloadHash.equals(sealedPayloadHash) || !recomputed.equals(hash)) {
                Long movedTo = export == null ? null : findMoved(export, position, prevHash, hash);
                if (movedTo != null) {
                    return failed(events, previousPosition, position, "order changed: the event sealed at position " + position
                            + " is now at position " + movedTo);
                }
                return failed(events, previousPosition, position, !payloadHash.equals(sealedPayloadHash)
                        ? "payload altered: its SHA-256 is not the one sealed" : "event altered: its fields do not give the sealed hash");
            }
            previousHash = hash;
            previousPosition = position;
            events++;
        }
        return new Result(true, events, previousPosition, null,
                resumed ? "the export resumes after an earlier event (its first line links to a hash not in it)" : null);
    }

    private static ChainFormula.Link link(JsonNode entry, long position, String payloadHash) {
        JsonNode revision = entry.path("revision");
        return new ChainFormula.Link(position, entry.path("event_id").asText(), entry.path("type").asText(),
                revision.isNull() || revision.isMissingNode() ? null : revision.asText(), entry.path("aggregate_id").asText(),
                entry.path("sequence").asLong(), entry.path("timestamp").asText(), payloadHash);
    }

    /** The position now holding the event that was sealed at {@code position}, if it is in the export. */
    private static Long findMoved(Path export, long position, String prevHash, String sealedHash) throws IOException {
        return firstEntry(export, candidate -> candidate.path("position").asLong() != position
                && ChainFormula.hash(prevHash, link(candidate, position, payloadHash(candidate))).equals(sealedHash))
                .map(candidate -> candidate.path("position").asLong()).orElse(null);
    }

    /** The first line of the export that {@code wanted} accepts, reading it again from the start. */
    private static java.util.Optional<JsonNode> firstEntry(Path export, java.util.function.Predicate<JsonNode> wanted) throws IOException {
        try (BufferedReader lines = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    JsonNode entry = JSON.readTree(line);
                    if (wanted.test(entry)) {
                        return java.util.Optional.of(entry);
                    }
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static String payloadHash(JsonNode entry) {
        return ChainFormula.payloadSha256(Base64.getDecoder().decode(entry.path("payload_base64").asText()));
    }

    private static Result verifyCheckpoint(Result chain, String checkpointJson, String jwksJson, Path export) throws IOException {
        JsonNode checkpoint = JSON.readTree(checkpointJson);
        long position = checkpoint.path("position").asLong();
        if (jwksJson == null) {
            return failed(chain.events(), chain.lastPosition(), position, "checkpoint signature bad: no published keys (--jwks) to check it with");
        }
        try {
            JWSObject jws = JWSObject.parse(checkpoint.path("jws").asText());
            JWK key = JWKSet.parse(jwksJson).getKeyByKeyId(jws.getHeader().getKeyID());
            if (!(key instanceof ECKey ecKey) || !jws.verify(new ECDSAVerifier(ecKey.toECPublicKey()))) {
                return failed(chain.events(), chain.lastPosition(), position, "checkpoint signature bad: not signed by a published key");
            }
            JsonNode signed = JSON.readTree(jws.getPayload().toString());
            if (signed.path("position").asLong() != position || !signed.path("hash").asText().equals(checkpoint.path("hash").asText())) {
                return failed(chain.events(), chain.lastPosition(), position, "checkpoint signature bad: it signs another position or hash");
            }
        } catch (java.text.ParseException | com.nimbusds.jose.JOSEException unreadable) {
            return failed(chain.events(), chain.lastPosition(), position, "checkpoint signature bad: " + unreadable.getMessage());
        }
        String hash = checkpoint.path("hash").asText();
        java.util.Optional<JsonNode> sealed = firstEntry(export, entry -> entry.path("position").asLong() == position);
        if (sealed.isEmpty()) {
            return failed(chain.events(), chain.lastPosition(), position, "checkpoint position is not in the export");
        }
        return sealed.get().path("hash").asText().equals(hash)
                ? new Result(true, chain.events(), chain.lastPosition(), null, (chain.reason() == null ? "" : chain.reason() + "; ")
                        + "checkpoint at position " + position + " verified")
                : failed(chain.events(), chain.lastPosition(), position, "checkpoint does not match the export's hash at this position");
    }

    private static Result failed(long events, long lastPosition, long position, String reason) {
        return new Result(false, events, lastPosition, position, reason);
    }
}
