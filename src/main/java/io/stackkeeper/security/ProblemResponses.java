package io.stackkeeper.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 answers of the API as RFC 7807 problem details. */
final class ProblemResponses {

    private final ObjectMapper json;

    ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    AuthenticationEntryPoint unauthorized(boolean offerBasic) {
        return (request, response, e) -> {
            if (offerBasic) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"Stackkeeper\"");
            } else {
                response.setHeader("WWW-Authenticate", "Bearer");
            }
            String detail = e instanceof org.springframework.security.authentication.LockedException
                    ? e.getMessage()
                    : "Authenticate with 'Authorization: Bearer <token>'" + (offerBasic ? " or HTTP Basic." : ".")
                            + (e instanceof org.springframework.security.authentication.BadCredentialsException
                                    ? " " + e.getMessage() : "");
            write(response, HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
        };
    }

    AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(response, HttpStatus.FORBIDDEN, "Forbidden",
                "Your roles do not allow this request.");
    }

    void write(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
