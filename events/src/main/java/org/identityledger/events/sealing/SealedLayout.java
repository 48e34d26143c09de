package org.identityledger.events.sealing;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import org.identityledger.events.CredentialData;
import org.identityledger.events.DataSubject;
import org.identityledger.events.PersonalData;
import org.identityledger.events.SealedSince;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which stored fields of an event type are sealed, under whose key, from which revision on: read once
 * per type from the marks on the record, so the marks are the only place this is written down.
 *
 * @param subjectField   stored (snake_case) name of the {@link DataSubject} field
 * @param personalFields stored names of the {@link PersonalData} fields
 * @param credentialFields stored names of the {@link CredentialData} fields
 * @param sealedSince    the first revision stored sealed
 */
public record SealedLayout(String subjectField, List<String> personalFields, List<String> credentialFields,
                           int sealedSince) {

    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE_CASE = new PropertyNamingStrategies.SnakeCaseStrategy();

    private static final ClassValue<Optional<SealedLayout>> LAYOUTS = new ClassValue<>() {
        @Override
        protected Optional<SealedLayout> computeValue(Class<?> type) {
            return read(type);
        }
    };

    public static Optional<SealedLayout> of(Class<?> eventType) {
        return LAYOUTS.get(eventType);
    }

    /** Every field that is sealed in the stored form. */
    public List<String> sealedFields() {
        List<String> all = new ArrayList<>(personalFields);
        all.addAll(credentialFields);
        return all;
    }

    /** Whether a payload stored with this revision holds its fields sealed ({@code null}: no revision, clear). */
    public boolean isSealed(String revision) {
        if (revision == null || revision.isBlank()) {
            return false;
        }
        try {
            return Integer.parseInt(revision) >= sealedSince;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }

    private static Optional<SealedLayout> read(Class<?> type) {
        if (!type.isRecord()) {
            return Optional.empty();
        }
        String subject = null;
        List<String> personal = new ArrayList<>();
        List<String> credential = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            String stored = SNAKE_CASE.translate(component.getName());
            if (component.isAnnotationPresent(DataSubject.class)) {
                subject = stored;
            }
            if (component.isAnnotationPresent(PersonalData.class)) {
                personal.add(stored);
            }
            if (component.isAnnotationPresent(CredentialData.class)) {
                credential.add(stored);
            }
        }
        if (personal.isEmpty() && credential.isEmpty()) {
            return Optional.empty();
        }
        SealedSince since = type.getAnnotation(SealedSince.class);
        if (subject == null || since == null) {
            throw new IllegalStateException(type.getName() + " has personal or credential fields but no @DataSubject"
                    + " or @SealedSince: the ledger would not know how to store them");
        }
        return Optional.of(new SealedLayout(subject, List.copyOf(personal), List.copyOf(credential),
                Integer.parseInt(since.value())));
    }
}
