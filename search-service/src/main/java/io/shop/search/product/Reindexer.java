package io.shop.search.product;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.shop.api.ShopException;
import io.shop.api.product.ProductListing;
import io.shop.api.search.SearchErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Rebuilds the product index from the catalog without a moment of downtime: fills a new index, then
 * points the alias at it in one atomic {@code _aliases} request and drops the old one.
 *
 * <p>While the new index fills, it carries the building alias, and {@link ProductIndex#write} (on
 * every instance, as it asks Elasticsearch rather than this object) writes each event there too.
 * Both writers use the catalog version as external version, so whichever of an event and the
 * catalog's page arrives last, the newer listing stays. Creating the new index with the building
 * alias as write index is the lock: a second rebuild, on any instance, is refused by the engine.
 */
@Service
class Reindexer {

    private static final Logger log = LoggerFactory.getLogger(Reindexer.class);

    private final ElasticsearchClient client;
    private final ProductIndex index;
    private final IndexNames names;
    private final CatalogListings catalog;
    private final SearchProperties properties;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();

    Reindexer(
            ElasticsearchClient client,
            ProductIndex index,
            IndexNames names,
            CatalogListings catalog,
            SearchProperties properties) {
        this.client = client;
        this.index = index;
        this.names = names;
        this.catalog = catalog;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /** What a finished rebuild left behind. */
    record Reindexed(String index, long products, List<String> replaced, long tookMillis) {}

    Reindexed reindex() {
        if (!running.compareAndSet(false, true)) {
            throw running("a reindex is already running on this instance");
        }
        try {
            return rebuild();
        } catch (IOException | UncheckedIOException e) {
            throw SearchUnavailable.because(e instanceof UncheckedIOException u ? u.getCause() : (IOException) e);
        } finally {
            running.set(false);
        }
    }

    private Reindexed rebuild() throws IOException {
        Instant start = clock.instant();
        index.ensureExists();
        dropAbandonedBuild(start);
        String target = names.rebuiltAt(start);
        startBuilding(target);
        List<String> replaced;
        try {
            catalog.forEachPage(page -> copy(page, target));
            client.indices().refresh(r -> r.index(target));
            replaced = switchTo(target);
        } catch (RuntimeException | IOException e) {
            deleteQuietly(target);
            throw e;
        }
        if (!replaced.isEmpty()) {
            client.indices().delete(d -> d.index(replaced));
        }
        long products = client.count(c -> c.index(target)).count();
        long took = clock.millis() - start.toEpochMilli();
        log.info("Reindexed {} products into {} in {} ms, replacing {}", products, target, took, replaced);
        return new Reindexed(target, products, replaced, took);
    }

    /** A build whose instance died never finishes; after a while it no longer blocks a new one. */
    private void dropAbandonedBuild(Instant now) throws IOException {
        if (!client.indices().existsAlias(a -> a.name(names.building())).value()) {
            return;
        }
        for (String building : client.indices()
                .getAlias(a -> a.name(names.building()))
                .result()
                .keySet()) {
            Instant started = names.startOf(building).orElse(Instant.EPOCH);
            if (started.plus(properties.abandonBuildAfter()).isAfter(now)) {
                throw running("index " + building + " is being rebuilt since " + started);
            }
            log.warn("Dropping {}: its rebuild started {} and never finished", building, started);
            client.indices().delete(d -> d.index(building));
        }
    }

    private void startBuilding(String target) throws IOException {
        try {
            client.indices().create(c -> c.index(target)
                    .mappings(ProductMapping::apply)
                    .aliases(names.building(), a -> a.isWriteIndex(true)));
        } catch (ElasticsearchException e) {
            if ("illegal_state_exception".equals(e.error().type())) {
                deleteQuietly(target);
                throw running("another instance started a reindex at the same moment");
            }
            throw e;
        }
    }

    /** Refused versions are expected: an event already wrote a newer listing of that product. */
    private void copy(List<ProductListing> page, String target) {
        List<BulkOperation> writes = page.stream()
                .map(ProductDocument::of)
                .map(document -> BulkOperation.of(op -> op.index(i -> i.index(target)
                        .id(document.id())
                        .version(document.version())
                        .versionType(VersionType.External)
                        .document(document))))
                .toList();
        BulkResponse response;
        try {
            response = client.bulk(b -> b.operations(writes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<BulkResponseItem> failed = response.items().stream()
                .filter(item -> item.error() != null && item.status() != 409)
                .toList();
        if (!failed.isEmpty()) {
            throw new IllegalStateException("writing " + failed.size() + " products into " + target + " failed, first: "
                    + failed.get(0).error().reason());
        }
    }

    /** One request, so every search sees either the old index or the new one, never neither. */
    private List<String> switchTo(String target) throws IOException {
        List<String> previous = List.copyOf(
                client.indices().getAlias(a -> a.name(names.alias())).result().keySet());
        client.indices().updateAliases(u -> {
            u.actions(a -> a.add(add -> add.index(target).alias(names.alias()).isWriteIndex(true)));
            previous.forEach(
                    old -> u.actions(a -> a.remove(remove -> remove.index(old).alias(names.alias()))));
            return u.actions(a -> a.remove(remove -> remove.index(target).alias(names.building())));
        });
        return previous;
    }

    private void deleteQuietly(String target) {
        try {
            client.indices().delete(d -> d.index(target).ignoreUnavailable(true));
        } catch (IOException | RuntimeException e) {
            log.warn("Could not delete the unfinished index {}: {}", target, e.toString());
        }
    }

    private static ShopException running(String message) {
        return ShopException.conflict(SearchErrors.REINDEX_RUNNING, message);
    }
}
