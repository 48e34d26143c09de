package org.identityledger;

import org.identityledger.infrastructure.ledger.LedgerVerifier;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -jar identity-ledger.jar verify-ledger --export FILE [--checkpoint FILE] [--jwks FILE]}:
 * verifies an export offline, without starting the service or touching a database. Exit code 0 when
 * everything verified, 1 when something failed (the first bad position and why), 2 on bad usage.
 */
public final class VerifyLedgerCommand {

    private static final String USAGE = "usage: java -jar identity-ledger.jar verify-ledger --export FILE [--checkpoint FILE] [--jwks FILE]";

    private VerifyLedgerCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path export = null;
        Path checkpoint = null;
        Path jwks = null;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                err.println(USAGE);
                return 2;
            }
            Path value = Path.of(args[i + 1]);
            switch (args[i]) {
                case "--export" -> export = value;
                case "--checkpoint" -> checkpoint = value;
                case "--jwks" -> jwks = value;
                default -> {
                    err.println(USAGE);
                    return 2;
                }
            }
        }
        if (export == null || !Files.isReadable(export)) {
            err.println(export == null ? USAGE : "cannot read " + export);
            return 2;
        }
        try {
            LedgerVerifier.Result result = LedgerVerifier.verify(export, checkpoint, jwks);
            (result.verified() ? out : err).println(result.report());
            return result.verified() ? 0 : 1;
        } catch (RuntimeException unreadable) {
            err.println("FAILED: the files cannot be read as an export, checkpoint or key set: " + unreadable.getMessage());
            return 1;
        }
    }
}
