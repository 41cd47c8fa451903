package io.shop.payment.payment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What the payer sends: which order, and how. The amount is never part of it: it is the order's
 * total, asked from order-service.
 */
record PayRequest(
        @NotBlank @Size(max = 32) String orderNo,
        @NotBlank @Pattern(regexp = "wallet|provider", message = "must be wallet or provider") String method) {}
