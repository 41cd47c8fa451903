package io.shop.search.product;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ElasticsearchConfiguration {

    /** Also picked up by Boot's Elasticsearch health indicator. */
    @Bean(destroyMethod = "close")
    RestClient elasticsearchRestClient(SearchProperties properties) {
        return RestClient.builder(HttpHost.create(properties.elasticsearchUri().toString()))
                .build();
    }

    @Bean
    IndexNames indexNames(SearchProperties properties) {
        return new IndexNames(properties.indexAlias());
    }

    @Bean
    ElasticsearchClient elasticsearchClient(RestClient restClient) {
        return new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper()));
    }
}
