package io.shop.order.flashsale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import io.shop.order.InProcessOrderService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The burst, on the running shop (its payment timeout is minutes, so no order times out and gives
 * its unit back during the test): 2,000 concurrent attempts by 500 buyers for 100 units.
 */
class FlashSaleBurstIT extends InProcessOrderService {

    @Autowired
    Environment environment;

    private RunningShopSales sales;

    @BeforeEach
    void runningShop() {
        sales = new RunningShopSales(environment);
    }

    @Test
    void twoThousandPurchasesFromFiveHundredBuyersMakeExactlyOneHundredOrders() throws Exception {
        long sku = products.sku("Flash kettle", 19_900, 150);
        long activity = sales.activity(sku, 9_900, 100, 1);
        assertThat(products.stockOf(sku)).isEqualTo(50);
        List<Long> buyers = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            buyers.add(newUser());
        }

        List<Callable<Map.Entry<Long, ResponseEntity<String>>>> attempts = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            for (long buyer : buyers) {
                attempts.add(() -> Map.entry(
                        buyer, sales.purchase(activity, buyer, UUID.randomUUID().toString())));
            }
        }
        var pool = Executors.newFixedThreadPool(64);
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        Map<String, Long> ticketOwners = new ConcurrentHashMap<>();
        for (Future<Map.Entry<Long, ResponseEntity<String>>> answer : pool.invokeAll(attempts)) {
            ResponseEntity<String> response = answer.get().getValue();
            statuses.merge(response.getStatusCode().value(), 1, Integer::sum);
            if (response.getStatusCode() == HttpStatus.ACCEPTED) {
                ticketOwners.put(
                        JsonPath.read(response.getBody(), "$.ticket"),
                        answer.get().getKey());
            }
        }
        pool.shutdown();

        assertThat(statuses.get(202)).as(statuses.toString()).isEqualTo(100);
        // 503: the broker did not take a buy in time under the burst; it was undone, and sold again
        assertThat(statuses.keySet()).as(statuses.toString()).isSubsetOf(202, 409, 410, 503);
        assertThat(ticketOwners.values()).doesNotHaveDuplicates();
        await().atMost(Duration.ofSeconds(120)).until(() -> sales.orders(activity) == 100);
        for (Map.Entry<String, Long> ticket : ticketOwners.entrySet()) {
            String path = "/api/flash-sales/" + activity + "/tickets/" + ticket.getKey();
            await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> JsonPath.read(
                                    sales.api.get(path, ticket.getValue()).getBody(), "$.status"),
                            "ORDERED"::equals);
        }
        assertThat(sales.distinct(activity, "user_id")).isEqualTo(100);
        assertThat(sales.distinct(activity, "flash_sale_ticket")).isEqualTo(100);
        assertThat(sales.inStatus(activity, "CREATED")).isEqualTo(100);
        assertThat((int) JsonPath.read(
                        sales.api.get("/api/flash-sales/" + activity, 1).getBody(), "$.remaining"))
                .isZero();
        assertThat(products.stockOf(sku)).isEqualTo(50);
        ResponseEntity<String> report = sales.reconciliation(activity);
        assertThat((int) JsonPath.read(report.getBody(), "$.difference"))
                .as(report.getBody())
                .isZero();
        assertThat((int) JsonPath.read(report.getBody(), "$.ordered")).isEqualTo(100);
        assertThat((int) JsonPath.read(report.getBody(), "$.inFlight")).isZero();
        assertThat(JsonPath.<List<Object>>read(report.getBody(), "$.findings")).isEmpty();
    }
}
