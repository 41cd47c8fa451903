package io.shop.search.product;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import io.shop.api.ShopException;
import io.shop.api.product.ProductListing;
import java.io.IOException;
import org.apache.http.HttpStatus;
import org.elasticsearch.client.ResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The product index this service owns, written one listing at a time. Readers and writers use the
 * alias, so a full reindex ({@link Reindexer}) can build a new index beside it and switch over.
 *
 * <p>Listings arrive at least once and in any order. Each is written with its catalog version as the
 * Elasticsearch external version: the engine keeps a write only when its version is higher than the
 * stored one, so a duplicate or an older listing is refused and the index never goes back. A product
 * taken off shelf is therefore kept as a document with {@code onShelf=false} (searches filter it
 * out), not deleted: a delete leaves its version behind only for {@code index.gc_deletes} (60 s), so
 * an older "on shelf" listing arriving later would bring the product back.
 */
@Component
class ProductIndex implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ProductIndex.class);

    private final ElasticsearchClient client;
    private final IndexNames names;
    private volatile boolean ready;

    ProductIndex(ElasticsearchClient client, IndexNames names) {
        this.client = client;
        this.names = names;
    }

    /** Creates the index at start; an unreachable engine does not stop the service. */
    @Override
    public void afterSingletonsInstantiated() {
        try {
            ensureExists();
        } catch (ShopException unavailable) {
            log.warn("Elasticsearch unreachable at start; the '{}' index is checked again on first use", names.alias());
        }
    }

    /**
     * Stores the listing unless the index already holds that version of the product or a newer one.
     *
     * @return whether the live index took it (false: it was not newer)
     */
    boolean write(ProductListing listing) {
        ensureExists();
        ProductDocument document = ProductDocument.of(listing);
        try {
            // The index being rebuilt first: if its alias is gone the switch-over has happened, and
            // the write below reaches the new index through the main alias. Done the other way
            // round, a listing written to the old index just before the switch would be lost.
            write(names.building(), document, true);
            return write(names.alias(), document, false);
        } catch (IOException e) {
            throw SearchUnavailable.because(e);
        }
    }

    /**
     * Only ever through an alias ({@code require_alias}): a write to a vanished alias must fail, not
     * auto-create an index of that name.
     */
    private boolean write(String alias, ProductDocument document, boolean aliasMayBeAbsent) throws IOException {
        try {
            client.index(request -> request.index(alias)
                    .id(document.id())
                    .version(document.version())
                    .versionType(VersionType.External)
                    .requireAlias(true)
                    .document(document));
            return true;
        } catch (ResponseException e) {
            // the 7.17 client parses 400/401/403/404/405 into ElasticsearchException; a 409 comes
            // through as the low-level client's exception
            if (e.getResponse().getStatusLine().getStatusCode() == HttpStatus.SC_CONFLICT) {
                log.debug(
                        "Product {} version {} not newer than the one in {}; ignored",
                        document.productId(),
                        document.version(),
                        alias);
                return false;
            }
            throw e;
        } catch (ElasticsearchException e) {
            if (aliasMayBeAbsent && "index_not_found_exception".equals(e.error().type())) {
                return false;
            }
            throw e;
        }
    }

    void ensureExists() {
        if (ready) {
            return;
        }
        try {
            if (!client.indices()
                    .existsAlias(alias -> alias.name(names.alias()))
                    .value()) {
                create();
            }
            ready = true;
        } catch (IOException e) {
            throw SearchUnavailable.because(e);
        }
    }

    private void create() throws IOException {
        try {
            client.indices().create(index -> index.index(names.first())
                    .aliases(names.alias(), alias -> alias.isWriteIndex(true))
                    .mappings(ProductMapping::apply));
            log.info("Created index {} with alias {}", names.first(), names.alias());
        } catch (ElasticsearchException e) {
            // another instance created it first
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
    }
}
