package io.shop.order.flashsale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import io.shop.order.InProcessOrderService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The running order-service, the one process that consumes the shop's accepted buys, is killed
 * with SIGKILL while it turns a sale's tickets into orders, and started again with {@code ./shop
 * restart}: every accepted ticket becomes exactly one order, none is lost, none doubled.
 */
class FlashSaleConsumerCrashIT extends InProcessOrderService {

    private static final int UNITS = 1_000;

    @Autowired
    Environment environment;

    @Value("${shop.it.state-dir}")
    Path state;

    @Value("${shop.it.shop-script}")
    Path shop;

    @Test
    void killingTheConsumerMidSaleLosesNoAcceptedTicketAndDoublesNoOrder() throws Exception {
        RunningShopSales sales = new RunningShopSales(environment);
        long activity = sales.activity(products.sku("Crash-sale headphones", 29_900, UNITS), 19_900, UNITS, 1);
        List<Long> buyers = new ArrayList<>();
        for (int i = 0; i < UNITS; i++) {
            buyers.add(newUser());
        }

        var pool = Executors.newFixedThreadPool(32);
        List<Callable<ResponseEntity<String>>> purchases = buyers.stream()
                .<Callable<ResponseEntity<String>>>map(buyer ->
                        () -> sales.purchase(activity, buyer, UUID.randomUUID().toString()))
                .toList();
        for (Future<ResponseEntity<String>> answer : pool.invokeAll(purchases)) {
            assertThat(answer.get().getStatusCode()).as(answer.get().getBody()).isEqualTo(HttpStatus.ACCEPTED);
        }
        pool.shutdown();

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> sales.orders(activity) > 0);
        long pid = Long.parseLong(
                Files.readString(state.resolve("pids/order-service.pid")).trim());
        ProcessHandle consumer = ProcessHandle.of(pid).orElseThrow();
        new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor();
        consumer.onExit().get(30, TimeUnit.SECONDS);
        int orderedWhenKilled = sales.orders(activity);
        assertThat(orderedWhenKilled).as("the kill came mid-sale").isLessThan(UNITS);

        Process restart = new ProcessBuilder(shop.toString(), "restart", "order-service")
                .inheritIO()
                .start();
        assertThat(restart.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(restart.exitValue()).isZero();

        await().atMost(Duration.ofSeconds(120)).until(() -> sales.orders(activity) == UNITS);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            ResponseEntity<String> report = sales.reconciliation(activity);
            assertThat((int) JsonPath.read(report.getBody(), "$.ordered"))
                    .as(report.getBody())
                    .isEqualTo(UNITS);
            assertThat((int) JsonPath.read(report.getBody(), "$.inFlight")).isZero();
            assertThat((int) JsonPath.read(report.getBody(), "$.remaining")).isZero();
            assertThat((int) JsonPath.read(report.getBody(), "$.difference")).isZero();
            assertThat(JsonPath.<List<Object>>read(report.getBody(), "$.findings"))
                    .isEmpty();
        });
        assertThat(sales.distinct(activity, "flash_sale_ticket")).isEqualTo(UNITS);
        assertThat(sales.distinct(activity, "user_id")).isEqualTo(UNITS);
    }
}
