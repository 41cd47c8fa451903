package io.shop.search.product;

import io.micrometer.core.instrument.MeterRegistry;
import io.shop.support.LiveSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The search fallback an operator turns on while Elasticsearch is overloaded ({@code
 * shop.search.fallback.lean}), followed while search-service runs: searches then ask for the page
 * of hits alone, without the facet aggregations and the highlighting that cost most of a search.
 * Hits, their order and the total stay as they are.
 */
@Configuration(proxyBeanMethods = false)
class SearchFallback {

    static final String PREFIX = "shop.search.fallback";

    /** @param lean true: hits only, the facets' lists empty and no highlights */
    record Mode(boolean lean) {}

    @Bean
    LiveSettings<Mode> searchFallbackMode(ConfigurableEnvironment environment, MeterRegistry meters) {
        return new LiveSettings<>(environment, meters, PREFIX, Mode.class);
    }
}
