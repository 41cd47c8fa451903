package io.shop.product.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shop.api.ShopException;
import io.shop.api.product.ProductErrors;
import io.shop.api.product.ReserveStockCommand;
import io.shop.api.product.ReserveStockCommand.StockLine;
import io.shop.product.catalog.CatalogAdmin;
import io.shop.product.catalog.CatalogFixture;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class StockReservationIT {

    @Autowired
    StockReservations reservations;

    @Autowired
    CatalogFixture catalog;

    @Autowired
    CatalogAdmin admin;

    @Test
    void aReservationTakesEveryLineOrNone() {
        long plenty = catalog.sku(catalog.product("Notebook", 5, 500));
        long scarce = catalog.sku(catalog.product("Fountain Pen", 1, 4500));

        assertThatThrownBy(() -> reservations.reserve(order(new StockLine(plenty, 2), new StockLine(scarce, 2))))
                .isInstanceOfSatisfying(
                        ShopException.class, e -> assertThat(e.code()).isEqualTo(ProductErrors.OUT_OF_STOCK));

        assertThat(catalog.stock(plenty)).isEqualTo(5);
        assertThat(catalog.stock(scarce)).isEqualTo(1);
    }

    @Test
    void anUnknownSkuIsNotFoundAndAnOffShelfProductIsNotSold() {
        long product = catalog.product("Retired Lamp", 5, 900);
        admin.setShelf(product, false);

        assertThatThrownBy(() -> reservations.reserve(order(new StockLine(Long.MAX_VALUE, 1))))
                .isInstanceOfSatisfying(
                        ShopException.class, e -> assertThat(e.code()).isEqualTo(ProductErrors.SKU_NOT_FOUND));
        assertThatThrownBy(() -> reservations.reserve(order(new StockLine(catalog.sku(product), 1))))
                .isInstanceOfSatisfying(
                        ShopException.class, e -> assertThat(e.code()).isEqualTo(ProductErrors.PRODUCT_OFF_SHELF));
        assertThat(catalog.stock(catalog.sku(product))).isEqualTo(5);
    }

    @Test
    void concurrentReservationsNeverOversell() throws Exception {
        long sku = catalog.sku(catalog.product("Limited Mug", 10, 900));
        Callable<Boolean> buyOne = () -> {
            try {
                reservations.reserve(order(new StockLine(sku, 1)));
                return true;
            } catch (ShopException outOfStock) {
                return false;
            }
        };

        var pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> results =
                pool.invokeAll(IntStream.range(0, 30).mapToObj(i -> buyOne).toList());
        pool.shutdown();

        assertThat(results.stream().filter(StockReservationIT::succeeded).count())
                .isEqualTo(10);
        assertThat(catalog.stock(sku)).isZero();
    }

    @Test
    void reservingAgainForTheSameOrderChangesNothingAndOtherLinesConflict() {
        long sku = catalog.sku(catalog.product("Tea Tin", 10, 700));
        ReserveStockCommand command = order(new StockLine(sku, 3));

        reservations.reserve(command);
        reservations.reserve(command);

        assertThat(catalog.stock(sku)).isEqualTo(7);
        assertThatThrownBy(() -> reservations.reserve(
                        new ReserveStockCommand(command.orderNo(), List.of(new StockLine(sku, 4)))))
                .isInstanceOfSatisfying(
                        ShopException.class, e -> assertThat(e.code()).isEqualTo(ProductErrors.RESERVATION_CONFLICT));
    }

    @Test
    void concurrentReleasesGiveTheStockBackExactlyOnce() throws Exception {
        long sku = catalog.sku(catalog.product("Candle", 10, 1200));
        ReserveStockCommand command = order(new StockLine(sku, 4));
        reservations.reserve(command);

        var pool = Executors.newFixedThreadPool(5);
        List<Future<Boolean>> releases = pool.invokeAll(IntStream.range(0, 5)
                .mapToObj(i -> (Callable<Boolean>) () -> reservations.release(command.orderNo()))
                .toList());
        pool.shutdown();

        assertThat(releases.stream().filter(StockReservationIT::succeeded).count())
                .isEqualTo(1);
        assertThat(catalog.stock(sku)).isEqualTo(10);
    }

    @Test
    void aConfirmedReservationIsNeverReleased() {
        long sku = catalog.sku(catalog.product("Vase", 10, 5000));
        ReserveStockCommand command = order(new StockLine(sku, 2));
        reservations.reserve(command);

        reservations.confirm(command.orderNo());

        assertThat(reservations.release(command.orderNo())).isFalse();
        assertThat(catalog.stock(sku)).isEqualTo(8);
    }

    private static ReserveStockCommand order(StockLine... lines) {
        return new ReserveStockCommand("T-" + UUID.randomUUID(), List.of(lines));
    }

    private static boolean succeeded(Future<Boolean> result) {
        try {
            return result.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
