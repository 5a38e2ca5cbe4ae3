package io.stackkeeper.base;

import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every REST error leaves as an RFC 7807 problem detail with a message a person can act on. */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badInput(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    }

    /** Refused fields also travel one by one, as {@code fieldErrors}, so a script can point at each. */
    @ExceptionHandler(FieldsRefusedException.class)
    ProblemDetail refusedFields(FieldsRefusedException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
        problem.setProperty("fieldErrors", e.fieldErrors());
        return problem;
    }

    @ExceptionHandler(NoSuchElementException.class)
    ProblemDetail notFound(NoSuchElementException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(IllegalStateException.class)
    ProblemDetail conflict(IllegalStateException e) {
        return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
    }

    /**
     * Anything else (an unreachable engine, a database error) is a 500, never a redirect to the login page. Its answer
     * carries an error id that the log holds with the whole exception, never the exception's message (which may quote
     * SQL, tables or paths). Refusals of the security layer go on to it, which answers 401 or 403.
     */
    @ExceptionHandler(RuntimeException.class)
    ProblemDetail unexpected(RuntimeException e) {
        if (e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e;
        }
        String errorId = java.util.HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(6)
                .putShort((short) java.util.concurrent.ThreadLocalRandom.current().nextInt())
                .putInt(java.util.concurrent.ThreadLocalRandom.current().nextInt()).array());
        log.error("A REST request failed [error {}]", errorId, e);
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "The request failed",
                "The request failed unexpectedly; the portal's log has the details under error " + errorId + ".");
        problem.setProperty("errorId", errorId);
        return problem;
    }

    /** A request body that a record refused (its constructor threw) keeps that record's own message. */
    @Override
    protected org.springframework.http.ResponseEntity<Object> handleHttpMessageNotReadable(
            org.springframework.http.converter.HttpMessageNotReadableException e, org.springframework.http.HttpHeaders headers,
            org.springframework.http.HttpStatusCode status, org.springframework.web.context.request.WebRequest request) {
        if (BodyTooLargeException.causes(e)) {
            return org.springframework.http.ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                    .header("Connection", "close")
                    .body(problem(HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large", e.getMostSpecificCause().getMessage()));
        }
        Throwable cause = e;
        while (cause != null && !(cause instanceof IllegalArgumentException)) {
            cause = cause.getCause();
        }
        String detail = cause != null ? cause.getMessage() : "The request body is not valid JSON for this endpoint.";
        return org.springframework.http.ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid request", detail));
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
