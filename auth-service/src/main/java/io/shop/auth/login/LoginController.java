package io.shop.auth.login;

import io.shop.auth.session.TokenPair;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LoginController {

    private final LoggingIn loggingIn;

    LoginController(LoggingIn loggingIn) {
        this.loggingIn = loggingIn;
    }

    @PostMapping("/api/auth/login")
    TokenPair login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return loggingIn.logIn(request.account(), request.password(), clientAddress(http));
    }

    /** The shared problem handler knows no Retry-After; this one adds it. */
    @ExceptionHandler(TooManyLoginAttemptsException.class)
    ResponseEntity<ProblemDetail> onThrottled(TooManyLoginAttemptsException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        problem.setType(URI.create("urn:shop:problem:too-many-login-attempts"));
        problem.setProperty("code", e.code());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(problem);
    }

    /**
     * The client as the gateway saw it: the last X-Forwarded-For address, the one the gateway
     * appended (anything before it was sent by the client and can be forged), else the peer address
     * for direct calls.
     */
    static String clientAddress(HttpServletRequest http) {
        String forwarded = http.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            return forwarded.substring(forwarded.lastIndexOf(',') + 1).trim();
        }
        return http.getRemoteAddr();
    }

    record LoginRequest(@NotBlank String account, @NotBlank String password) {}
}
