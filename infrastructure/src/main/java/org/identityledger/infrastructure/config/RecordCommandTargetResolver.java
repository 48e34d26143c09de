package org.identityledger.infrastructure.config;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Which aggregate a command is for, found once per command class instead of on every command.
 * Axon's {@link AnnotationCommandTargetResolver} walks the payload's methods and their annotations by
 * reflection for each command: in the refresh profile (async-profiler, BENCHMARKS.md) that was 7% of
 * everything a refresh allocated and 2% of its CPU. The commands here are records whose identifying
 * component's field carries {@link TargetAggregateIdentifier}; for those the component's accessor is
 * looked up once and kept. Every other payload (no record, a versioned command, no such component, a
 * null identifier) goes to Axon's own resolver, so what the annotations mean stays Axon's.
 */
public final class RecordCommandTargetResolver implements CommandTargetResolver {

    private final CommandTargetResolver annotations = AnnotationCommandTargetResolver.builder().build();

    private final ClassValue<Optional<MethodHandle>> identifierAccessors = new ClassValue<>() {
        @Override
        protected Optional<MethodHandle> computeValue(Class<?> payloadType) {
            return identifierAccessorOf(payloadType);
        }
    };

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Object payload = command.getPayload();
        Optional<MethodHandle> accessor = payload == null ? Optional.empty() : identifierAccessors.get(payload.getClass());
        if (accessor.isPresent()) {
            Object identifier = identifierOf(accessor.get(), payload);
            if (identifier != null) {
                return new VersionedAggregateIdentifier(identifier, null);
            }
        }
        return annotations.resolveTarget(command);
    }

    private static Object identifierOf(MethodHandle accessor, Object payload) {
        try {
            return (Object) accessor.invokeExact(payload);
        } catch (RuntimeException | Error unchanged) {
            throw unchanged;
        } catch (Throwable checked) {
            throw new IllegalArgumentException("An exception occurred while extracting aggregate information form a command",
                    checked);
        }
    }

    /** The accessor of the one record component marked as the target, if this resolver may decide alone. */
    private static Optional<MethodHandle> identifierAccessorOf(Class<?> payloadType) {
        if (!payloadType.isRecord() || declaresAVersion(payloadType)) {
            return Optional.empty();
        }
        List<RecordComponent> targets = Arrays.stream(payloadType.getRecordComponents())
                .filter(component -> fieldOf(payloadType, component).isAnnotationPresent(TargetAggregateIdentifier.class))
                // Axon hands other identifier types on as their string; only strings pass unchanged.
                .filter(component -> component.getType() == String.class)
                .toList();
        if (targets.size() != 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(MethodHandles.publicLookup().unreflect(targets.get(0).getAccessor())
                    .asType(MethodType.methodType(Object.class, Object.class)));
        } catch (IllegalAccessException notPublic) {
            return Optional.empty();
        }
    }

    /** Found the way Axon's resolver looks: fields and methods of the whole hierarchy, meta-annotations too. */
    private static boolean declaresAVersion(Class<?> payloadType) {
        for (Field field : ReflectionUtils.fieldsOf(payloadType)) {
            if (AnnotationUtils.isAnnotationPresent(field, TargetAggregateVersion.class)) {
                return true;
            }
        }
        for (Method method : ReflectionUtils.methodsOf(payloadType)) {
            if (AnnotationUtils.isAnnotationPresent(method, TargetAggregateVersion.class)) {
                return true;
            }
        }
        return false;
    }

    private static Field fieldOf(Class<?> recordType, RecordComponent component) {
        try {
            return recordType.getDeclaredField(component.getName());
        } catch (NoSuchFieldException impossible) {
            throw new IllegalStateException("a record without its component's field: " + component, impossible);
        }
    }
}
