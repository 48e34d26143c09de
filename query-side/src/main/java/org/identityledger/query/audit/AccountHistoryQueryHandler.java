package org.identityledger.query.audit;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * Point-in-time state: replays the ledger from its start as far as the instant asked for (events
 * upcast by the event store, read in batches) and folds the account's events. A scan, not an index:
 * it reads until the first event more than {@link #SETTLE} after the instant (no transaction runs
 * that long, so no event at or before the instant can follow it), which makes old instants cheap
 * and recent ones cost one pass over the ledger.
 */
@Component
public class AccountHistoryQueryHandler {

    private static final Duration SETTLE = Duration.ofMinutes(1);

    private final StreamableMessageSource<TrackedEventMessage<?>> eventStore;

    AccountHistoryQueryHandler(StreamableMessageSource<TrackedEventMessage<?>> eventStore) {
        this.eventStore = eventStore;
    }

    @QueryHandler
    public AccountAtInstant.Snapshot handle(FindAccountAtInstantQuery query) {
        AccountAtInstant account = new AccountAtInstant(query.accountRef());
        Instant stop = query.at().plus(SETTLE);
        long position = 0;
        try (BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(null)) {
            while (events.hasNextAvailable()) {
                TrackedEventMessage<?> event = events.nextAvailable();
                if (event.getTimestamp().isAfter(stop)) {
                    break;
                }
                if (!event.getTimestamp().isAfter(query.at())) {
                    position = Math.max(position, event.trackingToken().position().orElse(position));
                    account.apply(event.getPayload());
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying the ledger", interrupted);
        }
        return account.exists() ? account.snapshot(query.at(), position) : null;
    }
}
