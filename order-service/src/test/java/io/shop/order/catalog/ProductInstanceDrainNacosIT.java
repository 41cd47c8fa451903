package io.shop.order.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shop.order.OrderApi;
import io.shop.support.YamlSettings;
import io.shop.testsupport.NacosConsole;
import io.shop.testsupport.NacosConsole.Instance;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Taking an instance offline in the Nacos console, against a shop started with {@code ./shop up
 * --registry nacos --instances product-service=2} and a real Nacos 3 server at {@code
 * NACOS_ADDRESS} (skipped without it). While storefront reads go through the gateway (HTTP, group
 * SHOP_HTTP) and cart calls through order-service (Dubbo, group SHOP_DUBBO), the operator disables
 * the second product-service instance in both groups: it stops receiving either kind of call while
 * the first takes them all, no request fails, and enabling it again brings its share back. Each
 * instance's share is read from its own metrics ({@code http.server.requests}, {@code
 * rpc.server.duration}).
 */
@EnabledIfEnvironmentVariable(named = "NACOS_ADDRESS", matches = ".+")
class ProductInstanceDrainNacosIT {

    private static final String SERVICE = "product-service";
    private static final String HTTP_GROUP = "SHOP_HTTP";
    private static final String DUBBO_GROUP = "SHOP_DUBBO";
    private static final Duration SECONDS = Duration.ofSeconds(60);
    private static final long NO_SUCH_USER = 9_000_000_005L;
    private static final long NO_SUCH_SKU = 9_000_000_006L;

    private final OrderApi order =
            new OrderApi(Integer.parseInt(YamlSettings.resolve("application.yml", "server.port")));
    private final String gateway = YamlSettings.resolve("application-it.yml", "shop.it.gateway-url");
    private final HttpClient http = HttpClient.newHttpClient();
    private final ConcurrentMap<String, AtomicLong> failures = new ConcurrentHashMap<>();
    private final AtomicBoolean traffic = new AtomicBoolean(true);

    private NacosConsole nacos;
    private Instance secondHttp;
    private Instance secondDubbo;
    private List<Instance> httpInstances;

    @BeforeEach
    void findTheTwoInstances() throws Exception {
        nacos = new NacosConsole();
        httpInstances = byPort(nacos.instances(SERVICE, HTTP_GROUP));
        List<Instance> dubboInstances = byPort(nacos.instances(SERVICE, DUBBO_GROUP));
        assertThat(httpInstances)
                .as("start the shop with --instances product-service=2")
                .hasSize(2);
        assertThat(dubboInstances).hasSize(2);
        secondHttp = httpInstances.get(1);
        secondDubbo = dubboInstances.get(1);
    }

    @AfterEach
    void bothOnlineAgain() throws Exception {
        traffic.set(false);
        nacos.setEnabled(SERVICE, HTTP_GROUP, secondHttp, true);
        nacos.setEnabled(SERVICE, DUBBO_GROUP, secondDubbo, true);
    }

    @Test
    void anInstanceTakenOfflineDrainsThroughTheGatewayAndDubboWithNoFailedRequest() throws Exception {
        startDaemon(this::storefrontReads);
        startDaemon(this::cartCalls);
        await().atMost(SECONDS).until(() -> bothServe(httpInstances.get(0)) && bothServe(secondHttp));

        nacos.setEnabled(SERVICE, HTTP_GROUP, secondHttp, false);
        nacos.setEnabled(SERVICE, DUBBO_GROUP, secondDubbo, false);
        await().atMost(SECONDS).pollInterval(Duration.ofSeconds(2)).until(new Drained());

        nacos.setEnabled(SERVICE, HTTP_GROUP, secondHttp, true);
        nacos.setEnabled(SERVICE, DUBBO_GROUP, secondDubbo, true);
        await().atMost(SECONDS).until(() -> bothServe(secondHttp));

        traffic.set(false);
        assertThat(failures).as("requests that failed, by status").isEmpty();
    }

    /** True once, between two polls, the second instance served nothing while the first served both kinds. */
    private final class Drained implements java.util.concurrent.Callable<Boolean> {
        private Counts first;
        private Counts second;

        @Override
        public Boolean call() throws Exception {
            Counts firstNow = counts(httpInstances.get(0));
            Counts secondNow = counts(secondHttp);
            boolean drained = first != null
                    && secondNow.equals(second)
                    && firstNow.pages() > first.pages()
                    && firstNow.lookups() > first.lookups();
            first = firstNow;
            second = secondNow;
            return drained;
        }
    }

    private final Map<Instance, Counts> lastSeen = new ConcurrentHashMap<>();

    /** Whether the instance served pages and lookups since this was last asked about it. */
    private boolean bothServe(Instance instance) throws Exception {
        Counts now = counts(instance);
        Counts before = lastSeen.put(instance, now);
        return before != null && now.pages() > before.pages() && now.lookups() > before.lookups();
    }

    private record Counts(double pages, double lookups) {}

    private Counts counts(Instance instance) throws Exception {
        String metrics = http.send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://" + instance.ip() + ":" + instance.port() + "/actuator/prometheus"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        return new Counts(
                sum(metrics, "http_server_requests_seconds_count{", "uri=\"/api/products/{id}\""),
                sum(metrics, "rpc_server_duration_seconds_count{", "rpc_method=\"getSkus\""));
    }

    private static double sum(String metrics, String name, String label) {
        return metrics.lines()
                .filter(line -> line.startsWith(name) && line.contains(label))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private void storefrontReads() {
        while (traffic.get()) {
            try {
                int status = http.send(
                                HttpRequest.newBuilder(URI.create(gateway + "/api/products/1"))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status != 200) {
                    failures.computeIfAbsent("page " + status, k -> new AtomicLong())
                            .incrementAndGet();
                }
            } catch (Exception e) {
                failures.computeIfAbsent("page " + e, k -> new AtomicLong()).incrementAndGet();
            }
        }
    }

    private void cartCalls() {
        while (traffic.get()) {
            // no such SKU: 404 is product-service's answer, looked up over Dubbo
            int status = order.post("/api/cart/items", NO_SUCH_USER, Map.of("skuId", NO_SUCH_SKU, "quantity", 1))
                    .getStatusCode()
                    .value();
            if (status != 404) {
                failures.computeIfAbsent("cart " + status, k -> new AtomicLong())
                        .incrementAndGet();
            }
        }
    }

    private static void startDaemon(Runnable loop) {
        Thread thread = new Thread(loop, "drain-traffic");
        thread.setDaemon(true);
        thread.start();
    }

    private static List<Instance> byPort(List<Instance> instances) {
        return instances.stream()
                .sorted(Comparator.comparingInt(Instance::port))
                .toList();
    }
}
