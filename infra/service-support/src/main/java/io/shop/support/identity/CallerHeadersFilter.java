package io.shop.support.identity;

import io.shop.api.ShopException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Makes the gateway's passport the {@link Caller} for the rest of the request. A request without
 * one is served for nobody (public reads); one whose passport does not verify is refused at once
 * with a 401 problem body.
 */
class CallerHeadersFilter extends OncePerRequestFilter {

    private final HandlerExceptionResolver problems;

    CallerHeadersFilter(HandlerExceptionResolver problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String passport = request.getHeader(Passports.HEADER);
        Caller caller;
        try {
            caller = passport == null ? null : PassportHolder.get().verify(passport);
        } catch (ShopException refused) {
            problems.resolveException(request, response, null, refused);
            return;
        }
        try (var scope = Caller.bind(caller)) {
            chain.doFilter(request, response);
        }
    }
}
