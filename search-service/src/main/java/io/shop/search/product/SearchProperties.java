package io.shop.search.product;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param elasticsearchUri where the Elasticsearch node or cluster answers HTTP */
@ConfigurationProperties("shop.search")
record SearchProperties(URI elasticsearchUri) {}
