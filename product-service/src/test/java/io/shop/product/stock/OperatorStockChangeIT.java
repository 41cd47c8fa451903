package io.shop.product.stock;

import static org.assertj.core.api.Assertions.assertThat;

import io.shop.api.product.ReserveStockCommand;
import io.shop.api.product.ReserveStockCommand.StockLine;
import io.shop.product.catalog.CatalogFixture;
import io.shop.support.identity.Passports;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.seata.core.context.RootContext;
import org.apache.seata.core.model.GlobalStatus;
import org.apache.seata.tm.api.GlobalTransaction;
import org.apache.seata.tm.api.GlobalTransactionContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * An operator's stock change beside checkout's Seata global transactions, against the running
 * Seata server: the change is a delta, and it is refused while a global transaction that has not
 * finished holds the SKU, so that transaction's rollback finds the row as it left it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class OperatorStockChangeIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    CatalogFixture catalog;

    @Autowired
    StockReservations reservations;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aChangeToStockHeldByAnUnfinishedGlobalTransactionIsRefusedSoItsRollbackStaysClean() throws Exception {
        long product = catalog.product(CatalogFixture.unique("Brass Lamp"), 10, 900);
        long sku = catalog.sku(product);
        String orderNo = "T-" + UUID.randomUUID();
        GlobalTransaction checkout = GlobalTransactionContext.getCurrentOrCreate();
        checkout.begin(60_000, "operator-stock-change-it");
        try {
            reservations.reserve(new ReserveStockCommand(orderNo, List.of(new StockLine(sku, 3))));
        } finally {
            RootContext.unbind(); // the operator's requests below are not part of the checkout
        }

        var refused = changeStock(product, sku, 7, 12);
        checkout.rollback();

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody()).containsEntry("code", "STOCK_LOCKED");
        assertThat(checkout.getLocalStatus()).isEqualTo(GlobalStatus.Rollbacked);
        assertThat(catalog.stock(sku)).isEqualTo(10);
        assertThat(undoLogRows(checkout.getXid())).isZero();
        assertThat(reservationRows(orderNo)).isZero();

        var applied = changeStock(product, sku, 10, 15);

        assertThat(applied.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(catalog.stock(sku)).isEqualTo(15);
    }

    @Test
    void aChangeIsAppliedAsADeltaSoAReservationMadeSinceTheOperatorLookedIsKept() {
        long product = catalog.product(CatalogFixture.unique("Tin Box"), 10, 700);
        long sku = catalog.sku(product);
        reservations.reserve(new ReserveStockCommand("T-" + UUID.randomUUID(), List.of(new StockLine(sku, 3))));

        var response = changeStock(product, sku, 10, 15); // the operator saw 10 and adds 5

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(catalog.stock(sku)).isEqualTo(12);
        assertThat(response.getBody().get("skus").toString()).contains("stock=12");
    }

    @Test
    void aChangeThatWouldTakeStockBelowZeroIsAConflictAndChangesNothing() {
        long product = catalog.product(CatalogFixture.unique("Glass Jar"), 5, 400);
        long sku = catalog.sku(product);
        reservations.reserve(new ReserveStockCommand("T-" + UUID.randomUUID(), List.of(new StockLine(sku, 4))));

        var response = changeStock(product, sku, 5, 0); // takes 5, only 1 is left

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody()).containsEntry("code", "NEGATIVE_STOCK");
        assertThat(catalog.stock(sku)).isEqualTo(1);
    }

    @Test
    void aChangeWithoutTheStockTheOperatorSawIsABadRequestNamingTheField() {
        long product = catalog.product(CatalogFixture.unique("Clay Pot"), 5, 400);
        long sku = catalog.sku(product);

        var response = admin(HttpMethod.PUT, stockPath(product, sku), Map.of("stock", 9));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().toString()).contains("field=seenStock");
        assertThat(catalog.stock(sku)).isEqualTo(5);
    }

    private ResponseEntity<Map> changeStock(long product, long sku, int seen, int stock) {
        return admin(HttpMethod.PUT, stockPath(product, sku), Map.of("seenStock", seen, "stock", stock));
    }

    private static String stockPath(long product, long sku) {
        return "/api/admin/products/" + product + "/skus/" + sku + "/stock";
    }

    private long undoLogRows(String xid) {
        return jdbc.sql("SELECT COUNT(*) FROM undo_log WHERE xid = ?")
                .param(xid)
                .query(Long.class)
                .single();
    }

    private long reservationRows(String orderNo) {
        return jdbc.sql("SELECT COUNT(*) FROM stock_reservation WHERE order_no = ?")
                .param(orderNo)
                .query(Long.class)
                .single();
    }

    private ResponseEntity<Map> admin(HttpMethod method, String path, Object body) {
        var headers = new HttpHeaders();
        headers.set(
                Passports.HEADER, Passports.Issuer.ofGatewayFromEnvironment().issue("1", "customer,admin"));
        return http.exchange(path, method, new HttpEntity<>(body, headers), Map.class);
    }
}
