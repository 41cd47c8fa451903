package io.shop.user.address;

import io.shop.api.ShopException;
import io.shop.api.user.UserErrors;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's shipping addresses: at most {@value #MAX_ADDRESSES}, and exactly one default while
 * there are any (the first one added, or the one last chosen). Changes to one user's book run one
 * at a time, under a lock on the user's row. Another user's address is reported as not found.
 */
@Service
class AddressBook {

    static final int MAX_ADDRESSES = 20;

    private final AddressRepository addresses;

    AddressBook(AddressRepository addresses) {
        this.addresses = addresses;
    }

    List<Address> list(long userId) {
        return addresses.findAll(userId);
    }

    Address get(long userId, long id) {
        return addresses
                .find(userId, id)
                .orElseThrow(() -> ShopException.notFound(UserErrors.ADDRESS_NOT_FOUND, "no address " + id));
    }

    @Transactional
    Address add(long userId, ShippingAddress details) {
        if (!addresses.lockOwner(userId)) {
            throw ShopException.notFound(UserErrors.USER_NOT_FOUND, "user " + userId + " does not exist");
        }
        int count = addresses.count(userId);
        if (count >= MAX_ADDRESSES) {
            throw new ShopException(
                    ShopException.Kind.UNPROCESSABLE,
                    UserErrors.ADDRESS_LIMIT_REACHED,
                    "at most " + MAX_ADDRESSES + " addresses; remove one first");
        }
        return get(userId, addresses.insert(userId, details, count == 0));
    }

    @Transactional
    Address change(long userId, long id, ShippingAddress details) {
        if (!addresses.update(userId, id, details)) {
            throw ShopException.notFound(UserErrors.ADDRESS_NOT_FOUND, "no address " + id);
        }
        return get(userId, id);
    }

    /** Removing the default makes the newest remaining address the default. */
    @Transactional
    void remove(long userId, long id) {
        addresses.lockOwner(userId);
        Address removed = get(userId, id);
        addresses.delete(userId, id);
        if (removed.isDefault()) {
            addresses.newest(userId).ifPresent(next -> addresses.makeDefault(userId, next));
        }
    }

    @Transactional
    Address makeDefault(long userId, long id) {
        addresses.lockOwner(userId);
        get(userId, id);
        addresses.makeDefault(userId, id);
        return get(userId, id);
    }
}
