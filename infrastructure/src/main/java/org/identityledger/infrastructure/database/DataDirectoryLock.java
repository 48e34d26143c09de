package org.identityledger.infrastructure.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One service instance per data directory. An exclusive lock on {@code instance.lock} is taken before
 * anything in the directory is touched and held for the instance's life; the operating system drops
 * it when the process dies, even by SIGKILL (Java closes inherited descriptors in child processes, so
 * the embedded PostgreSQL does not keep it). Only with the lock in hand may a PostgreSQL still running
 * on the directory be treated as an orphan of a killed start.
 */
public final class DataDirectoryLock implements AutoCloseable {

    static final String FILE_NAME = "instance.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock or fails at once, naming the process that holds it. */
    public static DataDirectoryLock acquire(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            Path file = dataDirectory.resolve(FILE_NAME);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldInThisProcess) {
                lock = null;
            }
            if (lock == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
                channel.close();
                throw new DataDirectoryInUseException(dataDirectory, holder.isEmpty() ? "unknown" : holder);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new DataDirectoryLock(channel, lock);
        } catch (IOException failure) {
            throw new UncheckedIOException("Cannot lock the data directory " + dataDirectory, failure);
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
