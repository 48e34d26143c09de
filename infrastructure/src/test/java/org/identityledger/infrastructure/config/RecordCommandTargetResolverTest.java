package org.identityledger.infrastructure.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.identityledger.command.session.RefreshSessionCommand;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;

class RecordCommandTargetResolverTest {

    private final RecordCommandTargetResolver resolver = new RecordCommandTargetResolver();
    private final AnnotationCommandTargetResolver axon = AnnotationCommandTargetResolver.builder().build();

    public record VersionedCommand(@TargetAggregateIdentifier String id, @TargetAggregateVersion Long version) {
    }

    public record UnidentifiedCommand(String id) {
    }

    public record UuidCommand(@TargetAggregateIdentifier java.util.UUID id) {
    }

    public interface Versioned {
        @TargetAggregateVersion
        Long expectedVersion();
    }

    public record VersionedThroughAnInterfaceCommand(@TargetAggregateIdentifier String id, Long expectedVersion)
            implements Versioned {
    }

    public static final class ClassicCommand {
        @TargetAggregateIdentifier
        private final String id = "classic-1";
    }

    @Test
    void routesARecordCommandToTheAggregateItsMarkedComponentNames() {
        VersionedAggregateIdentifier target = resolver.resolveTarget(
                GenericCommandMessage.asCommandMessage(new RefreshSessionCommand("session-1", "presented", "next")));

        assertThat(target.getIdentifierValue()).isEqualTo("session-1");
        assertThat(target.getVersion()).isNull();
    }

    @Test
    void routesEveryCommandOfTheDomainExactlyAsAxonsOwnResolverDoes() throws Exception {
        int compared = 0;
        for (Class<?> commandType : domainCommandTypes()) {
            Optional<Object> command = sampleOf(commandType);
            if (command.isEmpty()) {
                continue;
            }
            var message = GenericCommandMessage.asCommandMessage(command.get());
            assertThat(resolver.resolveTarget(message)).as(commandType.getSimpleName()).isEqualTo(axon.resolveTarget(message));
            compared++;
        }
        assertThat(compared).as("domain commands compared").isGreaterThanOrEqualTo(20);
    }

    @Test
    void leavesVersionedCommandsToAxon() {
        VersionedAggregateIdentifier target = resolver.resolveTarget(
                GenericCommandMessage.asCommandMessage(new VersionedCommand("aggregate-1", 7L)));

        assertThat(target.getIdentifierValue()).isEqualTo("aggregate-1");
        assertThat(target.getVersion()).isEqualTo(7L);
    }

    @Test
    void leavesIdentifiersThatAreNoStringAndVersionsDeclaredElsewhereToAxon() {
        for (Object command : List.of(new UuidCommand(java.util.UUID.randomUUID()),
                new VersionedThroughAnInterfaceCommand("aggregate-2", 3L))) {
            var message = GenericCommandMessage.asCommandMessage(command);
            assertThat(resolver.resolveTarget(message)).isEqualTo(axon.resolveTarget(message));
        }
        assertThat(resolver.resolveTarget(GenericCommandMessage.asCommandMessage(
                new VersionedThroughAnInterfaceCommand("aggregate-2", 3L))).getVersion()).isEqualTo(3L);
    }

    @Test
    void leavesPayloadsThatAreNoRecordToAxon() {
        assertThat(resolver.resolveTarget(GenericCommandMessage.asCommandMessage(new ClassicCommand())).getIdentifierValue())
                .isEqualTo("classic-1");
    }

    @Test
    void refusesACommandWithoutTargetAsAxonDoes() {
        assertThatThrownBy(() -> resolver.resolveTarget(GenericCommandMessage.asCommandMessage(new UnidentifiedCommand("x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not identify the target aggregate");
    }

    @Test
    void refusesANullTargetAsAxonDoes() {
        assertThatThrownBy(() -> resolver.resolveTarget(
                GenericCommandMessage.asCommandMessage(new RefreshSessionCommand(null, "presented", "next"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not identify the target aggregate");
    }

    private static List<Class<?>> domainCommandTypes() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, factory) -> reader.getClassMetadata().getClassName().endsWith("Command"));
        List<Class<?>> types = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.identityledger.command")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            if (type.isRecord()) {
                types.add(type);
            }
        }
        return types;
    }

    /** An instance with a placeholder in every component, or none where the record refuses placeholders. */
    private static Optional<Object> sampleOf(Class<?> recordType) throws Exception {
        RecordComponent[] components = recordType.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = placeholder(types[i], components[i].getName());
        }
        Constructor<?> constructor = recordType.getDeclaredConstructor(types);
        try {
            return Optional.of(constructor.newInstance(values));
        } catch (ReflectiveOperationException refused) {
            return Optional.empty();
        }
    }

    private static Object placeholder(Class<?> type, String name) {
        if (type == String.class) {
            return "sample-" + name;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class || type == long.class) {
            return type == int.class ? (Object) 0 : (Object) 0L;
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        Map<Class<?>, Object> known = Map.of(Instant.class, Instant.EPOCH, Duration.class, Duration.ZERO, List.class, List.of(),
                Set.class, Set.of(), Optional.class, Optional.empty());
        return known.get(type);
    }
}
