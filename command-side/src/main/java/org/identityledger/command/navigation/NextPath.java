package org.identityledger.command.navigation;

import java.net.URLDecoder;
import java.util.ArrayDeque;
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
        if (decoded == null || !isSafe(decoded, true) || !isSafe(candidate, false)
                || !isSafe(normalized(decoded), true)) {
            return ROOT;
        }
        return candidate;
    }

    /**
     * The path as a browser or a servlet container will finally resolve it: ";" parameters dropped
     * from each segment (containers route "/;/x" as "//x") and dot segments removed (RFC 3986
     * §5.2.4), so "/.//evil.example" or "/a/..//evil.example" is judged as the "//evil.example" it
     * becomes. Only the path is normalised; the query and fragment are left as they are.
     */
    private static String normalized(String decoded) {
        int end = indexOfQueryOrFragment(decoded);
        String[] segments = decoded.substring(0, end).split("/", -1);
        ArrayDeque<String> output = new ArrayDeque<>();
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            int parameters = segment.indexOf(';');
            String name = parameters < 0 ? segment : segment.substring(0, parameters);
            boolean last = i == segments.length - 1;
            if (name.equals(".")) {
                if (last) {
                    output.addLast("");
                }
            } else if (name.equals("..")) {
                output.pollLast();
                if (last) {
                    output.addLast("");
                }
            } else {
                output.addLast(name);
            }
        }
        return "/" + String.join("/", output) + decoded.substring(end);
    }

    private static int indexOfQueryOrFragment(String path) {
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '?' || path.charAt(i) == '#') {
                return i;
            }
        }
        return path.length();
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
