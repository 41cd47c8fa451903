package io.shop.support.identity;

import io.shop.api.auth.IdentityHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Makes the gateway's identity headers the {@link Caller} for the rest of the request. */
class CallerHeadersFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller = Caller.parse(
                        request.getHeader(IdentityHeaders.USER_ID), request.getHeader(IdentityHeaders.ROLES))
                .orElse(null);
        try (var scope = Caller.bind(caller)) {
            chain.doFilter(request, response);
        }
    }
}
