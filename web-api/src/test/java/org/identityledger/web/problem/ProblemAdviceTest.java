package org.identityledger.web.problem;

import org.identityledger.command.port.PasswordHashingBusyException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemAdviceTest {

    @Test
    void aFullHashQueueIsServiceUnavailableWithRetryAfter() {
        ResponseEntity<ProblemDetail> answer = new ProblemAdvice(null).hashingBusy(new PasswordHashingBusyException());

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).matches("\\d+");
        assertThat(answer.getHeaders().getContentType()).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(answer.getBody().getProperties()).containsEntry("code", "SERVICE_UNAVAILABLE");
    }
}
