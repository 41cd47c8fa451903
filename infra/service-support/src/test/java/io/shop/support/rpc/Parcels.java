package io.shop.support.rpc;

import io.shop.api.ShopException;
import java.io.Serializable;
import java.util.List;

/** A small contract for the tests: its calls fail the ways real services fail. */
public interface Parcels {

    /** A parcel to send somewhere, in several boxes. */
    record Parcel(String destination, List<Box> boxes) implements Serializable {}

    record Box(String label, int weightGrams) implements Serializable {}

    /** Not Serializable: in STRICT mode the provider refuses to deserialize it. */
    record Sticker(String text) {}

    String send(Parcel parcel);

    String stick(Sticker sticker);

    /** Fails with a business failure. */
    String track(String parcelId);

    /** Fails with a bug. */
    String weigh(String parcelId);

    /** What the provider of the tests answers. */
    final class Counter implements Parcels {
        @Override
        public String send(Parcel parcel) {
            int grams = parcel.boxes().stream().mapToInt(Box::weightGrams).sum();
            return parcel.boxes().size() + " boxes, " + grams + " g to " + parcel.destination();
        }

        @Override
        public String stick(Sticker sticker) {
            return sticker.text();
        }

        @Override
        public String track(String parcelId) {
            throw ShopException.notFound("PARCEL_NOT_FOUND", "no parcel " + parcelId);
        }

        @Override
        public String weigh(String parcelId) {
            throw new IllegalStateException("scale at /srv/secret/scale.conf is broken");
        }
    }
}
