package org.identityledger.command.business;

import java.util.regex.Pattern;

/** A business's public handle: 3 to 40 of a-z, 0-9 and "-", not starting with "-". Valid once constructed. */
public record BusinessHandle(String value) {

    /** The contract's shape, for Bean Validation at the edge; the same one this type enforces. */
    public static final String PATTERN = "[a-z0-9][a-z0-9-]{2,39}";
    public static final Pattern SHAPE = Pattern.compile(PATTERN);

    public BusinessHandle {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a business handle");
        }
    }

    public static boolean isValid(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }
}
