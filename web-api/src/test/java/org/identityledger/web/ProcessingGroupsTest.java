package org.identityledger.web;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** No event handler can drift out of the command's transaction unnoticed. */
class ProcessingGroupsTest extends IntegrationTest {

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void everyProcessingGroupRunsInTheCommandsTransactionUnlessNamedAsynchronous() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ProcessingGroup.class));
        List<String> groups = scanner.findCandidateComponents("org.identityledger").stream()
                .map(candidate -> {
                    try {
                        return Class.forName(candidate.getBeanClassName()).getAnnotation(ProcessingGroup.class).value();
                    } catch (ClassNotFoundException impossible) {
                        throw new IllegalStateException(impossible);
                    }
                }).toList();

        assertThat(groups).contains("account-lookup", "session-lookup", "session-view", "account-view",
                "session-revocation-policy", "session-limit-policy");
        for (String group : groups) {
            Optional<EventProcessor> processor = processing.eventProcessorByProcessingGroup(group);
            assertThat(processor).as("processor of %s", group).isPresent();
            if (!org.identityledger.infrastructure.eventstore.EventProcessingConfiguration.ASYNCHRONOUS_GROUPS.contains(group)) {
                assertThat(processor.get()).as("processor of %s", group).isInstanceOf(SubscribingEventProcessor.class);
                assertThat(processor.get().getName()).as("processor of %s", group)
                        .isEqualTo(org.identityledger.infrastructure.eventstore.EventProcessingConfiguration.IN_TRANSACTION_PROCESSOR);
            }
        }
    }
}
