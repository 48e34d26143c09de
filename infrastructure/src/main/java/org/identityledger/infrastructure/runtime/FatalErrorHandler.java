package org.identityledger.infrastructure.runtime;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.util.function.IntConsumer;

/**
 * A JVM that ran out of memory is not trusted to go on: an OutOfMemoryError that kills a thread
 * (Tomcat's acceptor, once, left a process that accepted nothing for ten minutes) halts the whole
 * process, so a supervisor restarts it. -XX:+ExitOnOutOfMemoryError does the same for every OOM and
 * is what the README's run command uses; this catches the ones that reach a thread's end when the
 * flag was forgotten.
 */
public final class FatalErrorHandler implements Thread.UncaughtExceptionHandler {

    /** The exit status a supervisor sees; 3 is what -XX:+ExitOnOutOfMemoryError uses too. */
    static final int EXIT_STATUS = 3;
    private static final Logger log = LoggerFactory.getLogger(FatalErrorHandler.class);

    private final Thread.UncaughtExceptionHandler previous;
    private final IntConsumer halt;

    FatalErrorHandler(Thread.UncaughtExceptionHandler previous, IntConsumer halt) {
        this.previous = previous;
        this.halt = halt;
    }

    /** Installs the handler for every thread and warns when the JVM itself will not exit on OOM. */
    public static void install() {
        Thread.setDefaultUncaughtExceptionHandler(new FatalErrorHandler(Thread.getDefaultUncaughtExceptionHandler(),
                status -> Runtime.getRuntime().halt(status)));
        if (!exitsOnOutOfMemory()) {
            log.warn("The JVM was started without -XX:+ExitOnOutOfMemoryError: an OutOfMemoryError that is caught "
                    + "somewhere will leave a damaged process running. Add the flag (see README, Running in production).");
        }
    }

    @Override
    public void uncaughtException(Thread thread, Throwable failure) {
        if (failure instanceof VirtualMachineError) {
            // No logging framework call first: it may need the memory that is gone.
            System.err.println("Fatal " + failure + " in thread " + thread.getName() + "; halting for a restart");
            halt.accept(EXIT_STATUS);
            return;
        }
        if (previous != null) {
            previous.uncaughtException(thread, failure);
        } else {
            log.error("Uncaught failure in thread {}", thread.getName(), failure);
        }
    }

    private static boolean exitsOnOutOfMemory() {
        try {
            HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return hotSpot != null && (Boolean.parseBoolean(hotSpot.getVMOption("ExitOnOutOfMemoryError").getValue())
                    || Boolean.parseBoolean(hotSpot.getVMOption("CrashOnOutOfMemoryError").getValue()));
        } catch (RuntimeException notHotSpot) {
            return false;
        }
    }
}
