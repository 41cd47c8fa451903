package io.shop.search.product;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param elasticsearchUri where the Elasticsearch node or cluster answers HTTP
 * @param indexAlias the alias readers and writers use; the indices behind it are named after it
 * @param reindexPageSize how many listings a full reindex asks the catalog for at a time
 * @param abandonBuildAfter how old an unfinished rebuild (its instance died) must be before a new
 *     reindex drops it instead of refusing to start
 */
@ConfigurationProperties("shop.search")
record SearchProperties(
        URI elasticsearchUri,
        @DefaultValue("products") String indexAlias,
        @DefaultValue("500") int reindexPageSize,
        @DefaultValue("PT1H") Duration abandonBuildAfter) {}
