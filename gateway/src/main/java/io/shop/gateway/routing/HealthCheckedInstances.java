package io.shop.gateway.routing;

import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Every service's instances, as the gateway balances over them: those of discovery that answer
 * their readiness check ({@code spring.cloud.loadbalancer.health-check.*}: every second, instances
 * fetched again every two). An instance that died, or that is not ready (a dependency it cannot work
 * without is down), is left out within a second or two, instead of until its registration expires.
 * The load balancer's configuration for each service ({@code @LoadBalancerClients} on the
 * application): made in each service's load balancer context, so it is no component.
 */
public class HealthCheckedInstances {

    @Bean
    ServiceInstanceListSupplier readyInstances(ConfigurableApplicationContext context) {
        return ServiceInstanceListSupplier.builder()
                .withDiscoveryClient()
                // a plain client: the gateway's load-balanced one would take the address for a service name
                .withHealthChecks(WebClient.create())
                .build(context);
    }
}
