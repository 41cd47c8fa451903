package io.shop.gateway.requestid;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.web.server.ServerWebExchange;

/** The id that follows one request through the gateway, the services and the logs. */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";

    static final String ATTRIBUTE = RequestId.class.getName();

    // bounded and header/log safe: a client cannot inject separators or flood the logs through it
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** The request's id, once {@link RequestIdFilter} has seen the exchange. */
    public static Optional<String> of(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
    }

    static String keepOrGenerate(String candidate) {
        return candidate != null && WELL_FORMED.matcher(candidate).matches()
                ? candidate
                : UUID.randomUUID().toString();
    }

    private RequestId() {}
}
