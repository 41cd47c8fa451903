package io.shop.product.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shop.api.product.ReserveStockCommand;
import io.shop.api.product.ReserveStockCommand.StockLine;
import io.shop.product.catalog.CatalogFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.seata.core.context.RootContext;
import org.apache.seata.tm.api.GlobalTransaction;
import org.apache.seata.tm.api.GlobalTransactionContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reservations as branches of real Seata global transactions (the Seata server the launcher
 * started), where two orders want the same SKU while the first one's global transaction is open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class StockReservationsUnderGlobalLocksIT {

    @Autowired
    StockReservations reservations;

    @Autowired
    CatalogFixture catalog;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    /**
     * The second order writes nothing while the first holds the SKU's global lock, so its branch
     * never fails to register; a failed registration is what left reservation rows locked for good
     * on the Seata server (issue 17, item 6), and such an order could then never be cancelled.
     */
    @Test
    void anOrderWaitingForAnotherOrdersSkuWritesNothingUntilItMayAndIsReleasedLater() throws Exception {
        long sku = catalog.sku(catalog.product(CatalogFixture.unique("Hot Kettle"), 10, 900));
        var threads = Executors.newFixedThreadPool(2);
        try {
            GlobalTransaction first = CompletableFuture.supplyAsync(
                            () -> inNewGlobalTransaction(() -> reservations.reserve(order(sku))), threads)
                    .get();
            AtomicLong secondConnection = new AtomicLong();
            ReserveStockCommand secondOrder = order(sku);
            CompletableFuture<GlobalTransaction> second = CompletableFuture.supplyAsync(
                    () -> inNewGlobalTransaction(() -> transactions.executeWithoutResult(status -> {
                        secondConnection.set(jdbc.sql("SELECT CONNECTION_ID()")
                                .query(Long.class)
                                .single());
                        reservations.reserve(secondOrder);
                    })),
                    threads);

            Map<String, Object> waiting = await().atMost(Duration.ofSeconds(20))
                    .until(
                            () -> innodbTransaction(secondConnection.get()),
                            t -> t.isPresent() && ((Number) t.get().get("trx_rows_locked")).longValue() > 0)
                    .orElseThrow();
            assertThat(((Number) waiting.get("trx_rows_modified")).longValue())
                    .as("rows written while another global transaction holds the SKU")
                    .isZero();
            first.commit();
            second.get().commit();

            GlobalTransaction third = inNewGlobalTransaction(() ->
                    assertThat(reservations.release(secondOrder.orderNo())).isTrue());
            third.commit();
            assertThat(catalog.stock(sku)).isEqualTo(9);
        } finally {
            threads.shutdownNow();
        }
    }

    /** Runs {@code work} as a branch of a new global transaction, left open for the caller. */
    private static GlobalTransaction inNewGlobalTransaction(Runnable work) {
        GlobalTransaction tx = GlobalTransactionContext.createNew();
        try {
            tx.begin(60_000, "stock-reservation-it");
            work.run();
            return tx;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            RootContext.unbind();
        }
    }

    private Optional<Map<String, Object>> innodbTransaction(long connectionId) {
        return jdbc
                .sql("SELECT trx_rows_locked, trx_rows_modified FROM information_schema.INNODB_TRX"
                        + " WHERE trx_mysql_thread_id = ?")
                .param(connectionId)
                .query()
                .listOfRows()
                .stream()
                .findFirst();
    }

    private static ReserveStockCommand order(long sku) {
        return new ReserveStockCommand("T-" + UUID.randomUUID(), List.of(new StockLine(sku, 1)));
    }
}
