package io.shop.search.product;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import io.shop.api.ShopException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The product index this service owns. Readers and writers use the alias {@value #ALIAS}, so a
 * later mapping change can build {@code products-v2} beside it and switch the alias over.
 */
@Component
class ProductIndex implements SmartInitializingSingleton {

    static final String ALIAS = "products";
    static final String FIRST_INDEX = "products-v1";

    private static final Logger log = LoggerFactory.getLogger(ProductIndex.class);

    private final ElasticsearchClient client;
    private volatile boolean ready;

    ProductIndex(ElasticsearchClient client) {
        this.client = client;
    }

    /** Creates the index at start; an unreachable engine does not stop the service. */
    @Override
    public void afterSingletonsInstantiated() {
        try {
            ensureExists();
        } catch (ShopException unavailable) {
            log.warn("Elasticsearch unreachable at start; the '{}' index is checked again on first use", ALIAS);
        }
    }

    void index(ProductDocument document) {
        ensureExists();
        try {
            client.index(request ->
                    request.index(ALIAS).id(Long.toString(document.id())).document(document));
        } catch (IOException e) {
            throw SearchUnavailable.because(e);
        }
    }

    void ensureExists() {
        if (ready) {
            return;
        }
        try {
            if (!client.indices().existsAlias(alias -> alias.name(ALIAS)).value()) {
                create();
            }
            ready = true;
        } catch (IOException e) {
            throw SearchUnavailable.because(e);
        }
    }

    private void create() throws IOException {
        try {
            client.indices().create(index -> index.index(FIRST_INDEX)
                    .aliases(ALIAS, alias -> alias.isWriteIndex(true))
                    .mappings(ProductIndex::mapping));
            log.info("Created index {} with alias {}", FIRST_INDEX, ALIAS);
        } catch (ElasticsearchException e) {
            // another instance created it first
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
    }

    private static TypeMapping.Builder mapping(TypeMapping.Builder mapping) {
        return mapping.properties("id", p -> p.long_(l -> l))
                .properties("name", p -> p.text(t -> t.fields("keyword", k -> k.keyword(kw -> kw.ignoreAbove(256)))))
                .properties("description", p -> p.text(t -> t))
                .properties("priceCents", p -> p.long_(l -> l));
    }
}
