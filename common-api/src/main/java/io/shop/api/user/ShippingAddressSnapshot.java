package io.shop.api.user;

import java.io.Serializable;

/**
 * A shipping address as it reads at the moment of asking, for another service to ship to.
 * {@code district} and {@code postcode} may be null.
 */
public record ShippingAddressSnapshot(
        long id,
        String recipient,
        String phone,
        String province,
        String city,
        String district,
        String line1,
        String postcode)
        implements Serializable {}
