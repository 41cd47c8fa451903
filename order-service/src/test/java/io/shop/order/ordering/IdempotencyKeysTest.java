package io.shop.order.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

/** Which failed inserts of an order are a lost race for its idempotency key (the driver's errors). */
class IdempotencyKeysTest {

    @Test
    void aDuplicateEntryInTheIdempotencyKeyIsALostRace() {
        assertThat(IdempotencyKeys.lostRace(new DuplicateKeyException(
                        "INSERT INTO t_order ...",
                        mariaDb("Duplicate entry '42-3f1c' for key 'ux_order_idempotency_3'", "23000", 1062))))
                .isTrue();
        // MySQL 8 names the key with its table
        assertThat(IdempotencyKeys.lostRace(new DataIntegrityViolationException(
                        "INSERT INTO t_order ...",
                        mariaDb(
                                "Duplicate entry '42-3f1c' for key 't_order_3.ux_order_idempotency_3'",
                                "23000",
                                1062))))
                .isTrue();
    }

    @Test
    void anyOtherIntegrityFailureIsNoRace() {
        assertThat(IdempotencyKeys.lostRace(new DuplicateKeyException(
                        "INSERT INTO t_order ...",
                        mariaDb("Duplicate entry '1764115200000123456707' for key 'PRIMARY'", "23000", 1062))))
                .isFalse();
        assertThat(IdempotencyKeys.lostRace(new DataIntegrityViolationException(
                        "INSERT INTO t_order_item ...",
                        mariaDb("Data too long for column 'specs' at row 1", "22001", 1406))))
                .isFalse();
        assertThat(IdempotencyKeys.lostRace(new DataIntegrityViolationException(
                        "INSERT INTO t_order_item ...",
                        mariaDb(
                                "CONSTRAINT `CONSTRAINT_1` failed for `shop_order_0`.`t_order_item_3`",
                                "23000",
                                4025))))
                .isFalse();
        // a key value that merely looks like the index's name
        assertThat(IdempotencyKeys.lostRace(new DuplicateKeyException(
                        "INSERT INTO t_order ...",
                        mariaDb("Duplicate entry 'ux_order_idempotency_3' for key 'PRIMARY'", "23000", 1062))))
                .isFalse();
        assertThat(IdempotencyKeys.lostRace(new DuplicateKeyException("no cause")))
                .isFalse();
    }

    private static SQLException mariaDb(String message, String sqlState, int errorCode) {
        return new SQLIntegrityConstraintViolationException("(conn=7) " + message, sqlState, errorCode);
    }
}
