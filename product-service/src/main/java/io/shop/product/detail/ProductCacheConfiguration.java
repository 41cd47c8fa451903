package io.shop.product.detail;

import io.micrometer.core.instrument.MeterRegistry;
import io.shop.support.LiveSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

@Configuration(proxyBeanMethods = false)
class ProductCacheConfiguration {

    /** The cache's TTLs as operators set them, followed while product-service runs. */
    @Bean
    LiveSettings<ProductCacheTtls> productCacheTtls(ConfigurableEnvironment environment, MeterRegistry meters) {
        return new LiveSettings<>(environment, meters, ProductCacheTtls.PREFIX, ProductCacheTtls.class);
    }
}
