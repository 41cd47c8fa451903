package io.shop.support.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.shop.api.CommonErrors;
import io.shop.api.ShopException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.dubbo.rpc.service.GenericException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ErrorBoundaryOverTripleTest {

    private static final String[] PARCEL = {Parcels.Parcel.class.getName()};
    private static final String[] ID = {String.class.getName()};

    private static ParcelsOverTriple shop;

    @BeforeAll
    static void start() {
        shop = new ParcelsOverTriple();
    }

    @AfterAll
    static void stop() {
        shop.close();
    }

    @Test
    void aBusinessFailureReachesAJavaCallerAsItselfWithCodeAndKind() {
        ShopException e =
                catchThrowableOfType(ShopException.class, () -> shop.typed().track("P-1"));

        assertThat(e.code()).isEqualTo("PARCEL_NOT_FOUND");
        assertThat(e.kind()).isEqualTo(ShopException.Kind.NOT_FOUND);
        assertThat(e.getMessage()).isEqualTo("no parcel P-1");
    }

    @Test
    void aBusinessFailureReachesAGenericCallerWithItsCode() {
        GenericException e = catchThrowableOfType(
                GenericException.class, () -> shop.generic().$invoke("track", ID, new Object[] {"P-1"}));

        assertThat(e.getExceptionClass()).isEqualTo(ShopException.class.getName());
        assertThat(e.getExceptionMessage()).isEqualTo("PARCEL_NOT_FOUND: no parcel P-1");
    }

    @Test
    void noStackTraceOfTheProviderCrossesTheWire() {
        ShopException typed =
                catchThrowableOfType(ShopException.class, () -> shop.typed().track("P-1"));
        GenericException generic = catchThrowableOfType(
                GenericException.class, () -> shop.generic().$invoke("track", ID, new Object[] {"P-1"}));

        assertThat(typed.getStackTrace())
                .noneMatch(frame -> frame.getClassName().startsWith(Parcels.class.getName()));
        assertThat(generic.getMessage()).doesNotContain("\tat ");
        assertThat(generic.getStackTrace())
                .noneMatch(frame -> frame.getClassName().startsWith(Parcels.class.getName()));
    }

    @Test
    void anUnexpectedFailureReachesTheCallerAsInternalWithoutItsDetails() {
        ShopException typed =
                catchThrowableOfType(ShopException.class, () -> shop.typed().weigh("P-1"));
        GenericException generic = catchThrowableOfType(
                GenericException.class, () -> shop.generic().$invoke("weigh", ID, new Object[] {"P-1"}));

        assertThat(typed.code()).isEqualTo(CommonErrors.INTERNAL);
        assertThat(typed.kind()).isEqualTo(ShopException.Kind.INTERNAL);
        assertThat(typed.getMessage()).startsWith("internal error, incident ").doesNotContain("scale");
        assertThat(generic.getExceptionMessage()).startsWith("INTERNAL: internal error, incident ");
        assertThat(generic.getMessage()).doesNotContain("scale").doesNotContain("IllegalStateException");
    }

    @Test
    void aNullArgumentIsAnInvalidArgumentNotANullPointerException() {
        ShopException typed =
                catchThrowableOfType(ShopException.class, () -> shop.typed().send(null));
        GenericException generic = catchThrowableOfType(
                GenericException.class, () -> shop.generic().$invoke("send", PARCEL, new Object[] {null}));

        assertThat(typed.code()).isEqualTo(CommonErrors.INVALID_ARGUMENT);
        assertThat(typed.kind()).isEqualTo(ShopException.Kind.INVALID);
        assertThat(typed.getMessage()).isEqualTo("'parcel' of send is required");
        assertThat(generic.getExceptionMessage()).isEqualTo("INVALID_ARGUMENT: 'parcel' of send is required");
    }

    @Test
    void aGenericCallerPassesARecordAsAMap() {
        Object sent = shop.generic().$invoke("send", PARCEL, new Object[] {parcel(300)});

        assertThat(sent).isEqualTo("2 boxes, 500 g to Hangzhou");
    }

    @Test
    void aMapThatIsNoRecordArgumentIsAnInvalidArgument() {
        GenericException e = catchThrowableOfType(
                GenericException.class, () -> shop.generic().$invoke("send", PARCEL, new Object[] {parcel("heavy")}));

        assertThat(e.getExceptionMessage())
                .isEqualTo(
                        "INVALID_ARGUMENT: 'parcel' of send is not a valid Parcel: boxes is weightGrams is not a int");
    }

    @Test
    void anArgumentOfAnUnknownTypeIsAnInvalidArgument() {
        GenericException e = catchThrowableOfType(GenericException.class, () -> shop.generic()
                .$invoke("send", new String[] {"io.shop.Nowhere"}, new Object[] {Map.of()}));

        assertThat(e.getExceptionMessage()).startsWith("INVALID_ARGUMENT: ");
    }

    @Test
    void aBadArgumentLeavesTheConnectionUsableForTheNextCall() {
        for (int i = 0; i < 5; i++) {
            catchThrowableOfType(GenericException.class, () -> shop.generic()
                    .$invoke("send", PARCEL, new Object[] {parcel("heavy")}));
            long start = System.nanoTime();

            assertThat(shop.generic().$invoke("send", PARCEL, new Object[] {parcel(300)}))
                    .isEqualTo("2 boxes, 500 g to Hangzhou");
            assertThat(shop.typed().send(new Parcels.Parcel("Ningbo", List.of(new Parcels.Box("a", 1)))))
                    .isEqualTo("1 boxes, 1 g to Ningbo");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
        }
    }

    @Test
    void anArgumentTheProviderCannotDeserializeIsAnInvalidArgumentAndLeavesTheConnectionUsable() {
        ShopException refused =
                catchThrowableOfType(ShopException.class, () -> shop.typed().stick(new Parcels.Sticker("fragile")));
        long start = System.nanoTime();

        assertThat(shop.typed().send(new Parcels.Parcel("Ningbo", List.of(new Parcels.Box("a", 1)))))
                .isEqualTo("1 boxes, 1 g to Ningbo");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
        assertThat(refused.code()).isEqualTo(CommonErrors.INVALID_ARGUMENT);
        assertThat(refused.getMessage()).isEqualTo("the arguments of stick cannot be read");
    }

    private static Map<String, Object> parcel(Object secondBoxGrams) {
        return Map.of(
                "destination",
                "Hangzhou",
                "boxes",
                List.of(
                        Map.of("label", "cups", "weightGrams", 200),
                        Map.of("label", "teapot", "weightGrams", secondBoxGrams)));
    }
}
