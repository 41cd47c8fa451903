package io.shop.search.product;

import io.shop.api.product.ProductService;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @DubboReference
    private ProductService products;

    @Bean
    CatalogListings catalogListings(SearchProperties properties) {
        return new ProductServiceListings(products, properties.reindexPageSize());
    }
}
