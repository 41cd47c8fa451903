package io.shop.gateway.ratelimit;

import com.alibaba.csp.sentinel.adapter.gateway.sc.callback.GatewayCallbackManager;
import io.shop.gateway.error.ProblemResponses;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sentinel at the gateway: Spring Cloud Alibaba's {@code SentinelGatewayFilter} counts every route
 * (resource = route id) and loads the gateway flow rules from the data source configured under
 * {@code spring.cloud.sentinel.datasource.gw-flow} (ZooKeeper, or Nacos in the {@code nacos}
 * profile), which pushes changes without a restart. The per-user rules key on the identity
 * header that {@code IdentityHeadersFilter} set from the verified token: a web filter, so it ran
 * before any gateway filter, Sentinel's included. The per-client rule on {@link AnonymousAuthApi}
 * keys on the TCP peer address: behind a load balancer that must be the client's (PROXY protocol
 * or a trusted forwarded-address rewrite), or every client shares one budget.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.cloud.sentinel.enabled", matchIfMissing = true)
class SentinelConfiguration {

    @Bean
    SmartInitializingSingleton problemBodiesForBlockedRequests(ProblemResponses problems) {
        return () -> GatewayCallbackManager.setBlockHandler(new ProblemBlockRequestHandler(problems));
    }

    @Bean
    SmartInitializingSingleton anonymousAuthApiGroup() {
        return AnonymousAuthApi::register;
    }
}
