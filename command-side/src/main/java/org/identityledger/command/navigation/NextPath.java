package org.identityledger.command.navigation;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The one place a "where to go next" path enters the system. Only a same-site relative path
 * survives; everything else becomes "/", so no link or redirect the service produces can leave the
 * site (open-redirect and javascript: injection are the classic identity-provider bugs).
 */
public final class NextPath {

    public static final String ROOT = "/";
    static final int MAX_LENGTH = 512;

    private NextPath() {
    }

    public static String sanitize(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH * 3) {
            return ROOT;
        }
        String decoded = fullyDecoded(candidate);
        if (decoded == null || !isSafe(decoded, true) || !isSafe(candidate, false)) {
            return ROOT;
        }
        return candidate;
    }

    /** Decodes repeatedly so that double-encoded tricks ("%252F%252F") are judged by what they become. */
    private static String fullyDecoded(String value) {
        String current = value;
        for (int round = 0; round < 4; round++) {
            String next;
            try {
                next = URLDecoder.decode(current.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                return null;
            }
            if (next.equals(current)) {
                return current;
            }
            current = next;
        }
        return null;
    }

    /** A decoded space (%20) is harmless text; a raw one means the value was never a URL path. */
    private static boolean isSafe(String path, boolean decodedSpaceAllowed) {
        if (path.length() > MAX_LENGTH || !path.startsWith("/") || path.startsWith("//")) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == ' ' && decodedSpaceAllowed) {
                continue;
            }
            if (c == '\\' || Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)
                    || Character.getType(c) == Character.FORMAT || c == '\uFFFD') {
                return false;
            }
        }
        String beforeQuery = path.split("[?#]", 2)[0];
        return !beforeQuery.contains(":") && !beforeQuery.contains("@");
    }
}
