package org.identityledger.infrastructure.config;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Aggregate snapshots are taken on a thread of their own, after the command's transaction committed,
 * instead of on the request thread before its answer. Axon's default runs the snapshot there: every
 * 50th refresh of a session re-read its stream, stored the snapshot and committed a second
 * transaction before it answered, and that fiftieth request was the refresh load's slowest group.
 * A snapshot only shortens later loads, so nobody waits for it.
 *
 * <p>Bounded (rule 7): one thread and at most {@value #QUEUED_SNAPSHOTS} snapshots waiting. When the
 * queue is full the request thread takes its snapshot itself, as before: that slows the requests
 * that overran it instead of dropping a task, which Axon would count as a snapshot still in progress
 * and never schedule again for that aggregate.
 */
@Configuration(proxyBeanMethods = false)
public class SnapshotConfiguration {

    static final int QUEUED_SNAPSHOTS = 1_000;

    /**
     * Not an {@code Executor} bean: one would switch off Spring Boot's own task executor, which is
     * configured only where the context has none.
     */
    @Bean
    public SnapshotThread snapshotThread() {
        return new SnapshotThread(new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUED_SNAPSHOTS), work -> {
                    Thread thread = new Thread(work, "snapshots");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy()));
    }

    /** The snapshot thread; pending snapshots are dropped when the context closes (a later load reads the events). */
    public record SnapshotThread(ExecutorService executor) implements AutoCloseable {

        @Override
        public void close() {
            executor.shutdownNow();
        }
    }

    /** Axon's own snapshotter, as its auto-configuration builds it, with the executor above. */
    @Bean
    public SpringAggregateSnapshotter aggregateSnapshotter(org.axonframework.config.Configuration configuration,
                                                           HandlerDefinition handlerDefinition,
                                                           ParameterResolverFactory parameterResolverFactory,
                                                           EventStore eventStore, TransactionManager transactionManager,
                                                           SnapshotterSpanFactory spanFactory, SnapshotThread snapshotThread) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(snapshotThread.executor())
                .build();
    }
}
