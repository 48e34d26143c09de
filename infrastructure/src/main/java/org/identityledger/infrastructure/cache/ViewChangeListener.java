package org.identityledger.infrastructure.cache;

import com.zaxxer.hikari.HikariDataSource;
import org.identityledger.infrastructure.privacy.DataKeys;
import org.identityledger.query.cache.ViewChanges;
import org.identityledger.query.cache.ViewVersions;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * Hears what other instances changed: LISTEN on {@link ViewChanges#CHANNEL} over a connection of its
 * own (outside the pool, which it would otherwise hold for good), and tells {@link ViewVersions}.
 * While the connection is down nothing cached is believed ({@link ViewVersions#listening}), so a
 * change missed in the meantime can never be served; on reconnecting everything cached is forgotten.
 * A query every second proves the connection alive, so a silently dead one is noticed within that.
 */
@Component
public class ViewChangeListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ViewChangeListener.class);
    private static final int POLL_MILLIS = 1_000;
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private final ViewVersions versions;
    private final ViewChanges changes;
    private final DataKeys dataKeys;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile Connection connection;

    ViewChangeListener(DataSource dataSource, ViewVersions versions, ViewChanges changes, DataKeys dataKeys) {
        this.dataSource = dataSource;
        this.versions = versions;
        this.changes = changes;
        this.dataKeys = dataKeys;
    }

    @Override
    public void start() {
        running = true;
        Thread listener = new Thread(this::listen, "view-change-listener");
        listener.setDaemon(true);
        thread = listener;
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        versions.listening(false);
        closeQuietly();
        Thread listener = thread;
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        boolean warned = false;
        while (running) {
            try (Connection opened = open()) {
                connection = opened;
                try (Statement statement = opened.createStatement()) {
                    statement.execute("LISTEN " + ViewChanges.CHANNEL);
                }
                versions.listening(true);
                if (warned) {
                    log.info("hearing other instances' changes again; cached views were forgotten");
                    warned = false;
                }
                PGConnection notifications = opened.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications(POLL_MILLIS);
                    if (received == null || received.length == 0) {
                        try (Statement alive = opened.createStatement()) {
                            alive.execute("SELECT 1");
                        }
                        continue;
                    }
                    for (PGNotification notification : received) {
                        apply(notification.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException failure) {
                versions.listening(false);
                if (running && !warned) {
                    log.warn("cannot hear other instances' changes ({}); serving every view from PostgreSQL until I can",
                            failure.getMessage());
                    warned = true;
                }
                pause();
            } finally {
                connection = null;
            }
        }
    }

    /** "instance kind accountRef"; this instance's own account changes were applied at its commit. */
    void apply(String payload) {
        String[] parts = payload.split(" ", 3);
        if (parts.length < 2) {
            versions.everythingChanged();
            return;
        }
        boolean mine = parts[0].equals(changes.instance());
        String accountRef = parts.length == 3 ? parts[2] : "";
        switch (parts[1]) {
            case ViewChanges.ACCOUNT -> {
                if (!mine) {
                    versions.changed(accountRef);
                }
            }
            case ViewChanges.ERASED -> {
                if (!mine) {
                    versions.changed(accountRef);
                    dataKeys.erasedElsewhere();
                }
            }
            default -> versions.everythingChanged();
        }
    }

    private Connection open() throws SQLException {
        if (dataSource instanceof HikariDataSource pool && pool.getJdbcUrl() != null) {
            Properties properties = new Properties();
            properties.putAll(pool.getDataSourceProperties());
            if (pool.getUsername() != null) {
                properties.setProperty("user", pool.getUsername());
            }
            if (pool.getPassword() != null) {
                properties.setProperty("password", pool.getPassword());
            }
            properties.setProperty("ApplicationName", "identity-ledger view-change listener");
            properties.setProperty("connectTimeout", "5");
            properties.setProperty("socketTimeout", "10");
            properties.setProperty("tcpKeepAlive", "true");
            return DriverManager.getConnection(pool.getJdbcUrl(), properties);
        }
        return dataSource.getConnection();
    }

    private void pause() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void closeQuietly() {
        Connection open = connection;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException ignored) {
                // closing on the way out; the listener thread notices and stops
            }
        }
    }
}
