package io.shop.product.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shop.api.ShopException;
import io.shop.api.product.ProductErrors;
import io.shop.api.product.ReserveStockCommand;
import io.shop.api.product.ReserveStockCommand.StockLine;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("it")
class StockReservationIT {

    @Autowired
    Catalog catalog;

    @Autowired
    ProductRepository products;

    @Test
    void reservationTakesEveryLineOrNone() {
        long plenty = products.insert("Notebook", null, 500, 5);
        long scarce = products.insert("Fountain Pen", null, 4500, 1);

        var command =
                new ReserveStockCommand("T-" + plenty, List.of(new StockLine(plenty, 2), new StockLine(scarce, 2)));

        assertThatThrownBy(() -> catalog.reserveStock(command))
                .isInstanceOfSatisfying(
                        ShopException.class, e -> assertThat(e.code()).isEqualTo(ProductErrors.OUT_OF_STOCK));
        assertThat(stockOf(plenty)).isEqualTo(5);
        assertThat(stockOf(scarce)).isEqualTo(1);
    }

    @Test
    void reservingAnUnknownProductIsNotFound() {
        var command = new ReserveStockCommand("T-unknown", List.of(new StockLine(Long.MAX_VALUE, 1)));

        assertThatThrownBy(() -> catalog.reserveStock(command))
                .isInstanceOfSatisfying(
                        ShopException.class, e -> assertThat(e.code()).isEqualTo(ProductErrors.PRODUCT_NOT_FOUND));
    }

    @Test
    void concurrentReservationsNeverOversell() throws Exception {
        long id = products.insert("Limited Mug", null, 900, 10);
        Callable<Boolean> buyOne = () -> {
            try {
                catalog.reserveStock(new ReserveStockCommand("T-" + id, List.of(new StockLine(id, 1))));
                return true;
            } catch (ShopException outOfStock) {
                return false;
            }
        };

        var pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> results =
                pool.invokeAll(IntStream.range(0, 30).mapToObj(i -> buyOne).toList());
        pool.shutdown();

        long accepted = results.stream().filter(StockReservationIT::succeeded).count();
        assertThat(accepted).isEqualTo(10);
        assertThat(stockOf(id)).isZero();
    }

    private int stockOf(long id) {
        return products.findById(id).orElseThrow().stock();
    }

    private static boolean succeeded(Future<Boolean> result) {
        try {
            return result.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
