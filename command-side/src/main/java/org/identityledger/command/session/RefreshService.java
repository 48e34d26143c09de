package org.identityledger.command.session;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.identityledger.command.common.CommandRetry;
import org.identityledger.command.common.Secrets;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Rotating a native session's refresh token. */
@Service
public class RefreshService {

    private final CommandGateway commandGateway;
    private final SessionLookup sessionLookup;
    private final RecentRefreshTokens recentTokens;
    private final Secrets secrets;

    public RefreshService(CommandGateway commandGateway, SessionLookup sessionLookup, RecentRefreshTokens recentTokens,
            Secrets secrets) {
        this.commandGateway = commandGateway;
        this.sessionLookup = sessionLookup;
        this.recentTokens = recentTokens;
        this.secrets = secrets;
    }

    /**
     * A secret presented as a browser cookie that is no live browser session's: if it is a refresh
     * token of some native session, that session decides whether it was spent (then it ends).
     */
    public void rejectMisplaced(String presentedHash) {
        sessionLookup.refreshTokenOwner(presentedHash).ifPresent(owner -> CommandRetry.sendAndWait(commandGateway,
                new RejectMisplacedRefreshTokenCommand(owner.sessionId(), presentedHash)));
    }

    /** Returns the session with its next refresh token in {@code secret}; the presented one is spent. */
    public SignedInSession refresh(String rawRefreshToken) {
        String presentedHash = secrets.hash(rawRefreshToken);
        Optional<SessionLookup.RefreshTokenOwner> remembered = recentTokens.ownerOf(presentedHash);
        SessionLookup.RefreshTokenOwner owner = remembered.or(() -> sessionLookup.refreshTokenOwner(presentedHash))
                .orElseThrow(RefreshTokenInvalidException::new);
        Secrets.IssuedSecret next = secrets.issue();
        RefreshResult result = CommandRetry.sendAndWait(commandGateway,
                new RefreshSessionCommand(owner.sessionId(), presentedHash, next.hash()));
        if (result.outcome() != RefreshOutcome.ROTATED) {
            recentTokens.forget(presentedHash);
            if (remembered.isPresent() && sessionLookup.refreshTokenOwner(presentedHash).isEmpty()) {
                // Remembered, but the lookup has forgotten it since (the purge outwaits every entry, so only a
                // row deleted by hand or a clock stepped far forward): answer as the lookup would, unknown.
                throw new RefreshTokenInvalidException();
            }
        }
        return switch (result.outcome()) {
            case ROTATED -> {
                // sendAndWait returns after the rotation's unit of work committed.
                recentTokens.rotated(presentedHash, next.hash(), owner);
                yield new SignedInSession(owner.sessionId(), owner.accountRef(), next.raw(), result.sessionExpiresAt(), result.scope());
            }
            case REUSED -> throw new RefreshTokenReusedException();
            case EXPIRED, REVOKED -> throw new RefreshTokenInvalidException();
        };
    }
}
