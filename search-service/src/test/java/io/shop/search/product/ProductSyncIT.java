package io.shop.search.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.shop.api.product.ProductChanged;
import io.shop.api.product.ProductListing;
import io.shop.api.search.SearchPage;
import io.shop.api.search.SearchPage.ProductHit;
import io.shop.api.search.SearchQuery;
import java.time.Duration;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** ProductChanged events through the real broker keep the index in step, whatever their order. */
@SearchServiceIT
class ProductSyncIT {

    /**
     * Only how long to wait before calling it lost: how fast a change becomes searchable is a
     * figure for the load tests, not a pass mark for a shared, busy test machine.
     */
    private static final Duration SEARCHABLE_WITHIN = Duration.ofSeconds(30);

    @Autowired
    ProductSearcher searcher;

    @Autowired
    ElasticsearchClient client;

    @Autowired
    IndexNames names;

    @Autowired
    MeterRegistry meters;

    @Autowired
    RocketMQTemplate rocketMq;

    @Autowired
    ObjectMapper json;

    private ProductEvents events;
    private final String marker = Listings.marker();

    @BeforeEach
    void consumerIsListening() {
        events = new ProductEvents(rocketMq, json);
        events.awaitListening(searcher);
    }

    @Test
    void aPublishedProductBecomesSearchableWithinTwoSeconds() {
        ProductListing teapot = Listings.product("Porcelain teapot " + marker).build();

        events.publish(teapot);

        await().atMost(SEARCHABLE_WITHIN).until(() -> ids(search(marker)).contains(teapot.productId()));
    }

    @Test
    void aNewerVersionReplacesTheListing() {
        var product = Listings.product("Teapot " + marker).price(3_000, 3_000);
        events.publish(product.build());
        await().atMost(SEARCHABLE_WITHIN).until(() -> search(marker).total() == 1);

        events.publish(
                product.version(2).title("Kettle " + marker).price(2_500, 2_900).build());

        await().atMost(SEARCHABLE_WITHIN).until(() -> search("kettle " + marker).total() == 1);
        ProductHit hit = search(marker).hits().get(0);
        assertThat(hit.title()).isEqualTo("Kettle " + marker);
        assertThat(hit.minPriceCents()).isEqualTo(2_500);
        assertThat(search("teapot " + marker).total()).isZero();
    }

    @Test
    void aProductTakenOffShelfDisappearsFromResultsButKeepsItsVersion() throws Exception {
        var product = Listings.product("Teapot " + marker);
        ProductListing onShelf = events.publish(product.build()).product();
        await().atMost(SEARCHABLE_WITHIN).until(() -> search(marker).total() == 1);

        events.publish(product.version(2).offShelf().build());

        await().atMost(SEARCHABLE_WITHIN).until(() -> search(marker).total() == 0);
        assertThat(storedVersion(onShelf.productId())).isEqualTo(2);
    }

    @Test
    void aDuplicateOrOlderEventChangesNothing() throws Exception {
        var product = Listings.product("Teapot " + marker);
        ProductChanged first = events.publish(product.build());
        await().atMost(SEARCHABLE_WITHIN).until(() -> search(marker).total() == 1);
        ProductChanged second =
                events.publish(product.version(2).title("Kettle " + marker).build());
        await().atMost(SEARCHABLE_WITHIN).until(() -> search("kettle " + marker).total() == 1);
        double staleBefore = staleEvents();

        events.publish(second);
        events.publish(first);
        events.publish(product.version(1).title("Samovar " + marker).build());

        await().atMost(Duration.ofSeconds(10)).until(() -> staleEvents() >= staleBefore + 3);
        refresh();
        SearchPage page = search(marker);
        assertThat(page.hits()).extracting(ProductHit::title).containsExactly("Kettle " + marker);
        assertThat(storedVersion(first.product().productId())).isEqualTo(2);
    }

    private SearchPage search(String text) {
        return searcher.search(new SearchQuery(text, 0, 10));
    }

    private static java.util.List<Long> ids(SearchPage page) {
        return page.hits().stream().map(ProductHit::productId).toList();
    }

    private double staleEvents() {
        return meters.counter(ProductChangedListener.EVENTS, "outcome", "stale").count();
    }

    private long storedVersion(long productId) throws Exception {
        return client.get(g -> g.index(names.alias()).id(Long.toString(productId)), ProductDocument.class)
                .version();
    }

    private void refresh() throws Exception {
        client.indices().refresh(r -> r.index(names.alias()));
    }
}
