package org.identityledger.web;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.eventhandling.EventHandler;
import org.identityledger.query.cache.ViewInvalidation;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event type says whether it changes a cached view: a new one cannot be forgotten. */
class ViewInvalidationTest {

    @Test
    void everyEventIsEitherHandledByTheInvalidationOrNamedAsChangingNoCachedView() {
        Set<Class<?>> handled = Arrays.stream(ViewInvalidation.class.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(EventHandler.class))
                .map(Method::getParameterTypes).map(types -> types[0]).collect(Collectors.toSet());
        Set<Class<?>> events = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.identityledger.events").stream()
                .filter(type -> type.getSimpleName().endsWith("Event") && type.isRecord())
                .map(JavaClass::reflect).collect(Collectors.toSet());

        assertThat(events).hasSizeGreaterThan(20);
        for (Class<?> event : events) {
            assertThat(handled.contains(event) || ViewInvalidation.CHANGING_NO_CACHED_VIEW.contains(event))
                    .as("%s is neither handled by ViewInvalidation nor named in CHANGING_NO_CACHED_VIEW", event.getSimpleName())
                    .isTrue();
            assertThat(handled.contains(event) && ViewInvalidation.CHANGING_NO_CACHED_VIEW.contains(event))
                    .as("%s is both", event.getSimpleName()).isFalse();
        }
    }
}
