package io.shop.gateway.edge;

import io.shop.gateway.error.ProblemResponses;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import reactor.netty.NettyPipeline;

/** The gateway's edge: what a request must look like before routing, tokens or Sentinel see it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EdgeProperties.class)
class EdgeConfiguration {

    @Bean
    RequestBodyLimitFilter requestBodyLimitFilter(EdgeProperties properties, ProblemResponses problems) {
        return new RequestBodyLimitFilter(properties, problems);
    }

    /** Picked up by Spring Security's WebFilterChainProxy, which runs the firewall. */
    @Bean
    ServerExchangeRejectedHandler rejectedRequestProblems(ProblemResponses problems) {
        return new RejectedRequestProblems(problems);
    }

    /** Reactor Netty builds the HTTP/1.1 pipeline first, then runs this for each connection. */
    @Bean
    NettyServerCustomizer decodingFailureProblems(ProblemResponses problems) {
        return server -> server.doOnChannelInit((observer, channel, remote) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline()
                        .addAfter(
                                NettyPipeline.HttpCodec,
                                DecodingFailureProblems.NAME,
                                new DecodingFailureProblems(problems));
            }
        });
    }
}
