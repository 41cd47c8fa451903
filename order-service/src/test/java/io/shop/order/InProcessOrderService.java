package io.shop.order;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doAnswer;

import io.shop.api.product.ReserveStockCommand.StockLine;
import io.shop.order.catalog.CatalogClient;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * One in-process order-service for every integration test (one Spring context), against the
 * running middleware and product-service. The catalog client is the real one; a test can make it
 * fail right after a successful reservation (the fault exists only in this test code).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
public abstract class InProcessOrderService {

    /** SKUs whose reservation succeeds and is then followed by a failure of order-service. */
    protected static final Set<Long> FAIL_AFTER_RESERVING = ConcurrentHashMap.newKeySet();

    @LocalServerPort
    protected int port;

    @MockitoSpyBean
    protected CatalogClient catalog;

    protected OrderApi api;

    @BeforeEach
    void callsTheInProcessService() {
        api = new OrderApi(port);
        doAnswer(call -> {
                    call.callRealMethod();
                    List<StockLine> lines = call.getArgument(1);
                    if (lines.stream().anyMatch(line -> FAIL_AFTER_RESERVING.contains(line.skuId()))) {
                        throw new IllegalStateException("injected fault after the stock reservation");
                    }
                    return null;
                })
                .when(catalog)
                .reserveStock(any(), anyList());
    }

    /** A new customer (an account with one address, {@link TestAccounts}) in the given shard. */
    protected static long userInShard(int shard) {
        return TestAccounts.customerInShard(shard);
    }

    /** A new customer in whichever shard. */
    protected static long newUser() {
        return TestAccounts.customer();
    }

    protected static void await(Duration atMost, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + atMost);
            }
            Thread.sleep(200);
        }
    }
}
