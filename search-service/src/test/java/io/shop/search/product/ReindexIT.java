package io.shop.search.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shop.api.product.ProductListing;
import io.shop.api.search.SearchPage.ProductHit;
import io.shop.api.search.SearchQuery;
import io.shop.support.identity.Passports;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** A full reindex from the catalog swaps the alias under live searches and live events. */
@SearchServiceIT
class ReindexIT {

    private static final int CATALOG_SIZE = 9;

    @Autowired
    TestRestTemplate http;

    @Autowired
    TestCatalog catalog;

    @Autowired
    ProductIndex index;

    @Autowired
    ProductSearcher searcher;

    @Autowired
    ElasticsearchClient client;

    @Autowired
    IndexNames names;

    @Autowired
    RocketMQTemplate rocketMq;

    @Autowired
    ObjectMapper json;

    private final String marker = Listings.marker();

    @AfterEach
    void noMoreHooks() {
        catalog.beforePage(page -> {});
    }

    @Test
    void reindexSwapsTheAliasWhileSearchesAndEventsGoOn() throws Exception {
        var events = new ProductEvents(rocketMq, json);
        events.awaitListening(searcher);
        List<ProductListing> products = new ArrayList<>();
        LongStream.range(0, CATALOG_SIZE)
                .forEach(i -> products.add(
                        Listings.product("Teapot " + i + " " + marker).build()));
        products.forEach(index::write);
        catalog.holds(products);
        client.indices().refresh(r -> r.index(names.alias()));
        String before = liveIndex();
        // the catalog still has version 1 of the last product when the rebuild reads it
        ProductListing newcomer = Listings.product("Kettle " + marker).build();
        ProductListing last = products.get(CATALOG_SIZE - 1);
        ProductListing lastRenamed = new ProductListing(
                last.productId(),
                2,
                "Samovar " + marker,
                last.subtitle(),
                last.brandId(),
                last.brandName(),
                last.categoryId(),
                last.categoryName(),
                last.categoryPath(),
                last.minPriceCents(),
                last.maxPriceCents(),
                true);
        var halfway = new CountDownLatch(1);
        var go = new CountDownLatch(1);
        catalog.beforePage(page -> {
            if (page == 2) {
                halfway.countDown();
                awaitQuietly(go);
            }
        });

        var searching = new AtomicBoolean(true);
        var searches = new AtomicInteger();
        var failures = new ArrayList<String>();
        var searcherThread = Executors.newSingleThreadExecutor();
        var background = searcherThread.submit(() -> {
            while (searching.get()) {
                ResponseEntity<String> found = http.getForEntity("/api/search?q={q}&size=100", String.class, marker);
                searches.incrementAndGet();
                if (found.getStatusCode() != HttpStatus.OK || totalOf(found) < CATALOG_SIZE) {
                    synchronized (failures) {
                        failures.add(found.getStatusCode() + " " + found.getBody());
                    }
                }
            }
        });
        var reindexThread = Executors.newSingleThreadExecutor();
        var reindex = reindexThread.submit(
                () -> http.exchange("/api/admin/search/reindex", HttpMethod.POST, asAdmin(), String.class));

        assertThat(halfway.await(30, TimeUnit.SECONDS)).isTrue();
        events.publish(newcomer);
        events.publish(lastRenamed);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> titles("kettle " + marker).size() == 1
                        && titles("samovar " + marker).size() == 1);
        go.countDown();
        ResponseEntity<String> answer = reindex.get(60, TimeUnit.SECONDS);
        long searchesBeforeTheAnswer = searches.get();
        // a few searches more, all of them after the alias moved
        await().atMost(Duration.ofSeconds(30)).until(() -> searches.get() >= searchesBeforeTheAnswer + 5);
        searching.set(false);
        background.get(10, TimeUnit.SECONDS);
        searcherThread.shutdown();
        reindexThread.shutdown();

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode result = json.readTree(answer.getBody());
        String rebuilt = result.get("index").asText();
        assertThat(rebuilt).startsWith(names.alias() + "-v").isNotEqualTo(before);
        assertThat(result.get("replaced")).extracting(JsonNode::asText).containsExactly(before);
        assertThat(result.get("products").asLong()).isEqualTo(CATALOG_SIZE + 1);
        assertThat(liveIndex()).isEqualTo(rebuilt);
        assertThat(client.indices().exists(e -> e.index(before)).value()).isFalse();
        assertThat(client.indices().existsAlias(a -> a.name(names.building())).value())
                .isFalse();
        assertThat(failures).isEmpty();
        assertThat(searches.get()).isGreaterThan(1);
        assertThat(titles(marker)).hasSize(CATALOG_SIZE + 1).contains("Kettle " + marker, "Samovar " + marker);
    }

    @Test
    void startingAgainAfterAReindexCreatesNoNewIndex() throws Exception {
        catalog.holds(List.of(Listings.product("Teapot " + marker).build()));
        var answer = http.exchange("/api/admin/search/reindex", HttpMethod.POST, asAdmin(), String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        String live = liveIndex();

        new ProductIndex(client, names).afterSingletonsInstantiated();

        assertThat(liveIndex()).isEqualTo(live);
        assertThat(client.indices().exists(e -> e.index(names.first())).value()).isFalse();
        assertThat(titles(marker)).containsExactly("Teapot " + marker);
    }

    @Test
    void onlyAnAdminMayReindex() {
        var headers = new HttpHeaders();
        headers.set(
                Passports.HEADER, Passports.Issuer.ofGatewayFromEnvironment().issue("42", "customer"));

        var customer =
                http.exchange("/api/admin/search/reindex", HttpMethod.POST, new HttpEntity<>(headers), String.class);
        var anonymous = http.postForEntity("/api/admin/search/reindex", null, String.class);

        assertThat(customer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(customer.getBody()).contains("\"code\":\"ADMIN_ROLE_REQUIRED\"");
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private List<String> titles(String text) {
        return searcher.search(new SearchQuery(text, 0, 100)).hits().stream()
                .map(ProductHit::title)
                .toList();
    }

    private String liveIndex() throws Exception {
        var indices =
                client.indices().getAlias(a -> a.name(names.alias())).result().keySet();
        assertThat(indices).hasSize(1);
        return indices.iterator().next();
    }

    private long totalOf(ResponseEntity<String> response) {
        try {
            return json.readTree(response.getBody()).get("total").asLong();
        } catch (Exception e) {
            return -1;
        }
    }

    private static HttpEntity<Void> asAdmin() {
        var headers = new HttpHeaders();
        headers.set(
                Passports.HEADER, Passports.Issuer.ofGatewayFromEnvironment().issue("1", "customer,admin"));
        return new HttpEntity<>(headers);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
