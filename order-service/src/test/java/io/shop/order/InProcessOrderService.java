package io.shop.order;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doAnswer;

import io.shop.api.product.ReserveStockCommand.StockLine;
import io.shop.order.catalog.CatalogClient;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * One in-process order-service for every integration test (one Spring context), against the
 * running middleware and product-service. The catalog client is the real one; a test can make it
 * fail right after a successful reservation (the fault exists only in this test code). The helpers
 * find the running shop through the instance's own settings (the it profile's {@code shop.it}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@Import({Shards.class, TestAccounts.class, TestCatalog.class})
public abstract class InProcessOrderService {

    /** Where this instance reads its run-time settings in ZooKeeper (Spring Cloud ZooKeeper Config). */
    protected static final String CONFIG_ROOT = "/shop-it/config";

    static {
        // apart from the running order-service's /config (OrderSwitchesIT); a system property, since
        // a refresh of Spring Cloud rebuilds the environment from those, the variables and the files only
        System.setProperty("spring.cloud.zookeeper.config.root", CONFIG_ROOT);
        // timers that fire within a test; through the variable of application.yml, which the
        // registry's config still overrides (a profile's file would outrank that config)
        System.setProperty("ORDER_PAYMENT_TIMEOUT", "4s");
    }

    /** SKUs whose reservation succeeds and is then followed by a failure of order-service. */
    protected static final Set<Long> FAIL_AFTER_RESERVING = ConcurrentHashMap.newKeySet();

    @LocalServerPort
    protected int port;

    @MockitoSpyBean
    protected CatalogClient catalog;

    @Autowired
    protected Shards shards;

    @Autowired
    protected TestAccounts accounts;

    @Autowired
    protected TestCatalog products;

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
    protected long userInShard(int shard) {
        return accounts.customerInShard(shard);
    }

    /** A new customer in whichever shard. */
    protected long newUser() {
        return accounts.customer();
    }

    protected long addressOf(long user) {
        return accounts.addressOf(user);
    }
}
