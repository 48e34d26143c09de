package org.identityledger.infrastructure.database;

import java.nio.file.Path;

/** Another running instance holds this data directory; starting on it would take its database away. */
public class DataDirectoryInUseException extends RuntimeException {

    private final Path dataDirectory;
    private final String holder;

    DataDirectoryInUseException(Path dataDirectory, String holder) {
        super("data dir " + dataDirectory + " is in use by process " + holder
                + "; stop it or pass --identity.data-dir=<another directory>");
        this.dataDirectory = dataDirectory;
        this.holder = holder;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public String holder() {
        return holder;
    }
}
