package io.shop.support.sentinel;

import com.alibaba.csp.sentinel.Tracer;
import com.alibaba.csp.sentinel.adapter.dubbo3.config.DubboAdapterGlobalConfig;
import com.alibaba.csp.sentinel.datasource.nacos.NacosDataSource;
import com.alibaba.csp.sentinel.datasource.zookeeper.ZookeeperDataSource;
import io.shop.support.identity.CallingService;
import java.util.Properties;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;

/**
 * Sentinel on every Dubbo call a service serves or makes (the Dubbo 3 adapter's filters; resources
 * are the interface, e.g. {@code io.shop.api.product.ProductService}, and the method, e.g. {@code
 * io.shop.api.product.ProductService:getSkus(java.util.List)}), with its flow, circuit-breaking and
 * hot-parameter rules taken from the registry's config and followed while it runs: ZooKeeper nodes
 * under {@code shop.sentinel.rules-root}, or Nacos data ids of group {@value #NACOS_GROUP} with the
 * {@code nacos} profile. A refused call is a {@link io.shop.api.ShopException} (see {@link
 * BlockedCalls}); rules may name the verified calling service ({@code limitApp}), never a claim of
 * the caller's. Off with {@code shop.sentinel.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.apache.dubbo.rpc.Filter")
@ConditionalOnProperty(name = "shop.sentinel.enabled", matchIfMissing = true)
public class ServiceSentinelAutoConfiguration {

    static final String NACOS_GROUP = "SHOP_SENTINEL";

    /** Sentinel's Dubbo adapter is configured per JVM, through static settings. */
    @Bean
    InitializingBean sentinelOnDubboCalls() {
        return () -> {
            BlockedCalls blocked = new BlockedCalls();
            DubboAdapterGlobalConfig.setConsumerFallback(blocked);
            DubboAdapterGlobalConfig.setProviderFallback(blocked);
            DubboAdapterGlobalConfig.setOriginParser((invoker, invocation) ->
                    CallingService.current().map(CallingService::name).orElse(""));
            Tracer.setExceptionPredicate(BlockedCalls::isFaultOfTheCallee);
        };
    }

    @Bean(destroyMethod = "close")
    @Profile("!nacos")
    RuleSources zookeeperRuleSources(
            @Value("${spring.application.name}") String service,
            @Value("${shop.zookeeper}") String zookeeper,
            @Value("${shop.sentinel.rules-root}") String root) {
        return new RuleSources(
                service, (name, document) -> new ZookeeperDataSource<>(zookeeper, root + "/" + name, document));
    }

    @Bean(destroyMethod = "close")
    @Profile("nacos")
    RuleSources nacosRuleSources(
            @Value("${spring.application.name}") String service,
            @Value("${shop.nacos}") String nacos,
            @Value("${shop.nacos-namespace}") String namespace,
            @Value("${spring.cloud.nacos.username:}") String username,
            @Value("${spring.cloud.nacos.password:}") String password) {
        Properties client = new Properties();
        client.setProperty("serverAddr", nacos);
        client.setProperty("namespace", namespace);
        if (!username.isEmpty()) {
            client.setProperty("username", username);
            client.setProperty("password", password);
        }
        return new RuleSources(service, (name, document) -> new NacosDataSource<>(client, NACOS_GROUP, name, document));
    }
}
