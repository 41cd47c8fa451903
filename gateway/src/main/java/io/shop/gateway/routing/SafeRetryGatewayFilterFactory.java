package io.shop.gateway.routing;

import java.io.IOException;
import java.net.ConnectException;
import java.util.Set;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory.RetryConfig;
import org.springframework.cloud.gateway.support.HasRouteId;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * {@code SafeRetry}: sends a request again, up to twice, when its instance failed it, and only where
 * repeating it cannot do a thing twice. Each attempt goes through the load balancer again, so it
 * lands on another instance.
 *
 * <ul>
 *   <li>Any request whose connection could not be opened: nothing reached the service.
 *   <li>A read (GET, HEAD, OPTIONS), or a write that carries an {@code Idempotency-Key}, whose
 *       connection dropped before the answer: the service may have acted, and a read or a
 *       deduplicated write (orders, payments, flash-sale purchases answer a repeated key with the
 *       first outcome) is safe to send again. A write without a key is not sent again: its client
 *       gets the 502 and decides.
 * </ul>
 *
 * An answer, whatever its status, is never retried. A write's body is kept for the repeat (Spring
 * Cloud Gateway caches it for the routes this filter is on).
 */
@Component
public class SafeRetryGatewayFilterFactory extends AbstractGatewayFilterFactory<SafeRetryGatewayFilterFactory.Config> {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int RETRIES = 2;
    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final RetryGatewayFilterFactory retries;

    public SafeRetryGatewayFilterFactory(RetryGatewayFilterFactory retries) {
        super(Config.class);
        this.retries = retries;
    }

    @Override
    public GatewayFilter apply(Config config) {
        GatewayFilter repeatable = retries.apply(retryOn(config, IOException.class));
        GatewayFilter unsent = retries.apply(retryOn(config, ConnectException.class));
        return (exchange, chain) -> (repeatable(exchange.getRequest()) ? repeatable : unsent).filter(exchange, chain);
    }

    static boolean repeatable(ServerHttpRequest request) {
        return READS.contains(request.getMethod()) || request.getHeaders().containsKey(IDEMPOTENCY_KEY);
    }

    private static RetryConfig retryOn(Config config, Class<? extends Throwable> failure) {
        RetryConfig retry = new RetryConfig()
                .setRetries(RETRIES)
                .allMethods()
                .setSeries()
                .setStatuses()
                .setExceptions(failure);
        retry.setRouteId(config.getRouteId());
        return retry;
    }

    public static class Config implements HasRouteId {

        private String routeId;

        @Override
        public void setRouteId(String routeId) {
            this.routeId = routeId;
        }

        @Override
        public String getRouteId() {
            return routeId;
        }
    }
}
