package io.shop.user.address;

import io.shop.api.ShopException;
import io.shop.api.user.ShippingAddressSnapshot;
import io.shop.api.user.UserErrors;
import org.springframework.stereotype.Component;

/** One user's address as other services get it (over Dubbo), for shipping an order to it. */
@Component
public class AddressSnapshots {

    private final AddressBook book;

    AddressSnapshots(AddressBook book) {
        this.book = book;
    }

    /** Fails with {@code ADDRESS_NOT_FOUND} when the address does not exist or is another user's. */
    public ShippingAddressSnapshot of(long userId, long addressId) {
        return snapshot(book.get(userId, addressId));
    }

    /** Fails with {@code ADDRESS_NOT_FOUND} when the user has no default address. */
    public ShippingAddressSnapshot defaultOf(long userId) {
        return book.list(userId).stream()
                .filter(Address::isDefault)
                .findFirst()
                .map(AddressSnapshots::snapshot)
                .orElseThrow(() -> ShopException.notFound(UserErrors.ADDRESS_NOT_FOUND, "no default address"));
    }

    private static ShippingAddressSnapshot snapshot(Address address) {
        ShippingAddress d = address.details();
        return new ShippingAddressSnapshot(
                address.id(), d.recipient(), d.phone(), d.province(), d.city(), d.district(), d.line1(), d.postcode());
    }
}
