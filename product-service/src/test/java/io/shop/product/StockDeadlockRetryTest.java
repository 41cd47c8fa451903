package io.shop.product;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.shop.api.product.ReserveStockCommand;
import io.shop.api.product.ReserveStockCommand.StockLine;
import io.shop.product.catalog.ProductListings;
import io.shop.product.catalog.Products;
import io.shop.product.stock.StockReservations;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;

class StockDeadlockRetryTest {

    private final StockReservations reservations = mock(StockReservations.class);
    private final ProductServiceProvider provider =
            new ProductServiceProvider(mock(Products.class), mock(ProductListings.class), reservations);
    private final ReserveStockCommand command = new ReserveStockCommand("o-1", List.of(new StockLine(1, 1)));

    @Test
    void aReservationChosenAsADeadlockVictimRunsAgain() {
        doThrow(new CannotAcquireLockException("Deadlock found when trying to get lock"))
                .doNothing()
                .when(reservations)
                .reserve(any());

        provider.reserveStock(command);

        verify(reservations, times(2)).reserve(command);
    }

    @Test
    void aReservationThatKeepsDeadlockingFailsAfterThreeAttempts() {
        doThrow(new CannotAcquireLockException("Deadlock found when trying to get lock"))
                .when(reservations)
                .reserve(any());

        assertThatThrownBy(() -> provider.reserveStock(command)).isInstanceOf(CannotAcquireLockException.class);

        verify(reservations, times(3)).reserve(command);
    }

    @Test
    void anyOtherFailureIsNotRetried() {
        doThrow(new IllegalStateException("broken")).when(reservations).reserve(any());

        assertThatThrownBy(() -> provider.reserveStock(command)).isInstanceOf(IllegalStateException.class);

        verify(reservations, times(1)).reserve(command);
    }
}
