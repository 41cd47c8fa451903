package io.shop.auth.login;

import io.shop.auth.session.TokenPair;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
