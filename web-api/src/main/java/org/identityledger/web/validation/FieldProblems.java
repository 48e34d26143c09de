package org.identityledger.web.validation;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import org.identityledger.web.problem.FieldProblem;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns Bean Validation's findings on a request record into the contract's field problems: the wire
 * name of the field, one stable code per constraint, and one problem per field (the first of
 * required, too long, the rest), in the order the record declares its fields.
 */
public final class FieldProblems {

    /** Constraint (annotation simple name) to the contract's field code; the order is the priority. */
    private static final Map<String, String> CODES = orderedCodes(
            "NotBlank", "REQUIRED", "NotEmpty", "REQUIRED", "NotNull", "REQUIRED",
            "Size", "TOO_LONG", "MaxCodePoints", "TOO_LONG",
            "MailAddress", "INVALID_EMAIL", "PlainText", "INVALID_CHARACTERS",
            "WholeNumber", "OUT_OF_RANGE", "Pattern", "INVALID_VALUE", "PageCursor", "INVALID_VALUE", "ListCursorValue", "INVALID_VALUE",
            "SignInContext", "INVALID_VALUE", "Timestamp", "INVALID_VALUE");
    private static final List<String> PRIORITY = List.copyOf(CODES.keySet());
    private static final PropertyNamingStrategies.NamingBase WIRE_NAMES =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private FieldProblems() {
    }

    public static List<FieldProblem> of(BindingResult result) {
        List<String> declared = declaredOrder(result.getTarget());
        Map<String, FieldError> firstPerField = new LinkedHashMap<>();
        result.getFieldErrors().stream()
                .sorted(Comparator.comparingInt(FieldProblems::priority))
                .forEach(error -> firstPerField.putIfAbsent(error.getField(), error));
        return firstPerField.values().stream()
                .sorted(Comparator.comparingInt(error -> declared.indexOf(error.getField())))
                .map(error -> new FieldProblem(wireName(error.getField()), CODES.getOrDefault(error.getCode(), "INVALID_VALUE"),
                        error.getDefaultMessage()))
                .toList();
    }

    /** The JSON name of a record component, as the application's Jackson naming writes it. */
    public static String wireName(String componentName) {
        return WIRE_NAMES.translate(componentName);
    }

    private static int priority(FieldError error) {
        int index = PRIORITY.indexOf(error.getCode());
        return index < 0 ? PRIORITY.size() : index;
    }

    private static List<String> declaredOrder(Object target) {
        if (target == null || !target.getClass().isRecord()) {
            return List.of();
        }
        return Arrays.stream(target.getClass().getRecordComponents()).map(RecordComponent::getName).toList();
    }

    private static Map<String, String> orderedCodes(String... pairs) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            codes.put(pairs[i], pairs[i + 1]);
        }
        return codes;
    }
}
