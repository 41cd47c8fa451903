package io.shop.order.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequestFingerprintTest {

    static PlaceOrderRequest request(long addressId, PlaceOrderRequest.Line... lines) {
        return new PlaceOrderRequest(addressId, List.of(lines));
    }

    static PlaceOrderRequest.Line line(long sku, int quantity) {
        return new PlaceOrderRequest.Line(sku, quantity, null);
    }

    @Test
    void theOrderOfTheLinesDoesNotMatter() {
        assertThat(RequestFingerprint.of(request(1, line(1, 2), line(2, 1))))
                .isEqualTo(RequestFingerprint.of(request(1, line(2, 1), line(1, 2))));
    }

    @Test
    void anotherQuantityAddressOrWholeCartIsAnotherRequest() {
        String original = RequestFingerprint.of(request(1, line(1, 2)));

        assertThat(RequestFingerprint.of(request(1, line(1, 3)))).isNotEqualTo(original);
        assertThat(RequestFingerprint.of(request(2, line(1, 2)))).isNotEqualTo(original);
        assertThat(RequestFingerprint.of(new PlaceOrderRequest(1L, null))).isNotEqualTo(original);
    }
}
