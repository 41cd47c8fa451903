package io.shop.order.ordering;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a request's meaning, so a reused idempotency key can be told from a retry. */
final class RequestFingerprint {

    private RequestFingerprint() {}

    static String of(PlaceOrderRequest request) {
        StringBuilder canonical = new StringBuilder("address=").append(request.addressId());
        if (request.wholeCart()) {
            canonical.append(";cart");
        } else {
            request.lines().stream()
                    .sorted(java.util.Comparator.comparing(PlaceOrderRequest.Line::skuId))
                    .forEach(line -> canonical
                            .append(";sku=")
                            .append(line.skuId())
                            .append('x')
                            .append(line.quantity())
                            .append('@')
                            .append(line.expectedUnitPriceCents()));
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
