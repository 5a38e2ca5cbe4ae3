package io.stackkeeper.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.ProblemDetail;

@ExtendWith(OutputCaptureExtension.class)
class ProblemDetailsAdviceTest {

    @Test
    void an_unexpected_error_answers_an_error_id_that_the_log_holds_and_never_the_exceptions_message(CapturedOutput log) {
        ProblemDetail problem = new ProblemDetailsAdvice().unexpected(
                new IllegalMonitorStateException("could not execute statement [insert into backup_plan (target) values (?)]"));

        assertThat(problem.getStatus()).isEqualTo(500);
        assertThat(problem.getDetail()).doesNotContain("insert").doesNotContain("backup_plan");
        String errorId = (String) problem.getProperties().get("errorId");
        assertThat(errorId).matches("[0-9a-f]{12}");
        assertThat(problem.getDetail()).contains(errorId);
        assertThat(log.getAll()).contains("[error " + errorId + "]").contains("insert into backup_plan");
    }
}
