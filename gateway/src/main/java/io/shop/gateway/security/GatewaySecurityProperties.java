package io.shop.gateway.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway verifies access tokens and whom it lets call cross-origin.
 *
 * @param jwksUri where auth-service publishes its public keys
 * @param jwksLoadBalanced whether {@code jwksUri}'s host is a service name resolved through
 *     discovery (the default) or a plain address (tests serving their own key set)
 * @param clockSkew tolerance for {@code exp} and {@code nbf} between the gateway's and auth-service's clocks
 * @param cors origins allowed to call from a browser; none by default (no cross-origin use)
 */
@ConfigurationProperties("shop.gateway")
record GatewaySecurityProperties(
        @DefaultValue("http://auth-service/.well-known/jwks.json") URI jwksUri,
        @DefaultValue("true") boolean jwksLoadBalanced,
        @DefaultValue("30s") Duration clockSkew,
        @DefaultValue Cors cors) {

    record Cors(@DefaultValue List<String> allowedOrigins) {}
}
