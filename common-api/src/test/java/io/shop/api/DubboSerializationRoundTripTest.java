package io.shop.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.shop.api.auth.PublicSigningKey;
import io.shop.api.order.OrderView;
import io.shop.api.payment.TopUpCommand;
import io.shop.api.payment.WalletBalance;
import io.shop.api.product.ProductErrors;
import io.shop.api.product.ProductListing;
import io.shop.api.product.ProductListingPage;
import io.shop.api.product.ReserveStockCommand;
import io.shop.api.product.ReserveStockCommand.StockLine;
import io.shop.api.product.SkuSnapshot;
import io.shop.api.search.SearchErrors;
import io.shop.api.search.SearchFacets;
import io.shop.api.search.SearchPage;
import io.shop.api.search.SearchQuery;
import io.shop.api.search.SearchSort;
import io.shop.api.user.ShippingAddressSnapshot;
import io.shop.api.user.UserErrors;
import io.shop.api.user.UserIdentity;
import io.shop.api.user.UserProfile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.dubbo.common.serialize.ObjectInput;
import org.apache.dubbo.common.serialize.ObjectOutput;
import org.apache.dubbo.common.serialize.Serialization;
import org.apache.dubbo.common.url.component.ServiceConfigURL;
import org.apache.dubbo.rpc.model.FrameworkModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every type of the contract must cross Dubbo's default (hessian2) serialization unchanged. */
class DubboSerializationRoundTripTest {

    static Stream<Object> contractValues() {
        return Stream.of(
                new SkuSnapshot(11, 7, "Tea cup", "White / 250 ml", 1299, 40, true),
                new ProductListingPage(
                        List.of(new ProductListing(
                                7, 3, "Tea cup", "Porcelain", 2, "Acme", 5, "Cups", List.of(1L, 5L), 1299, 1599, true)),
                        true),
                new ReserveStockCommand("O1", List.of(new StockLine(7, 2), new StockLine(8, 1))),
                new OrderView(
                        "1764115200000123456707",
                        42,
                        5,
                        new ShippingAddressSnapshot(
                                5,
                                "Alice Liddell",
                                "+8613800138000",
                                "Zhejiang",
                                "Hangzhou",
                                null,
                                "1 West Lake Rd",
                                null),
                        "PAID",
                        3897,
                        Instant.parse("2026-11-26T00:00:00.123Z"),
                        "P-1",
                        List.of(new OrderView.Line(11, 7, "Tea cup", "White", 1299, 3))),
                // placed before orders kept their address
                new OrderView(
                        "1764115200000123456708",
                        42,
                        5,
                        null,
                        "CREATED",
                        1299,
                        Instant.parse("2026-11-26T00:00:00.123Z"),
                        null,
                        List.of(new OrderView.Line(11, 7, "Tea cup", "White", 1299, 1))),
                new UserProfile(42, "ada@example.org", "Ada", Instant.parse("2026-11-25T10:15:30.123Z")),
                new UserIdentity(42, List.of("customer", "admin")),
                new ShippingAddressSnapshot(
                        9,
                        "Alice Liddell",
                        "+8613800138000",
                        "Zhejiang",
                        "Hangzhou",
                        "Xihu",
                        "1 West Lake Rd",
                        "310000"),
                new ShippingAddressSnapshot(10, "Bob", "13800138000", "Beijing", "Beijing", null, "2 Long St", null),
                new PublicSigningKey(
                        "k-1",
                        "EC",
                        "ES256",
                        "sig",
                        "P-256",
                        "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
                        "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"),
                new WalletBalance(42, 1500),
                new TopUpCommand(42, 1500, "top-up-7f3a"),
                new SearchQuery("tea cup", 2, 20),
                new SearchQuery(null, 0, 1),
                new SearchQuery("tea", 5L, 2L, 1000L, 5000L, SearchSort.PRICE_DESC, 1, 10),
                new SearchPage(
                        1,
                        0,
                        20,
                        List.of(new SearchPage.ProductHit(
                                7, "Tea cup", "Porcelain", 2, "Acme", 5, "Cups", 1299, 1599, "<em>Tea</em> cup", null)),
                        new SearchFacets(
                                List.of(new SearchFacets.FacetCount(5, "Cups", 1)),
                                List.of(new SearchFacets.FacetCount(2, "Acme", 1)),
                                List.of(
                                        new SearchFacets.PriceRangeCount(null, 5000L, 1),
                                        new SearchFacets.PriceRangeCount(50000L, null, 0)))));
    }

    @ParameterizedTest
    @MethodSource("contractValues")
    void valueSurvivesHessianRoundTrip(Object value) throws Exception {
        assertThat(roundTrip(value)).isEqualTo(value);
    }

    @Test
    void businessExceptionKeepsItsCodeAndKind() throws Exception {
        ShopException sent = ShopException.conflict(ProductErrors.OUT_OF_STOCK, "only 3 left");

        ShopException received = (ShopException) roundTrip(sent);

        assertThat(received.code()).isEqualTo(ProductErrors.OUT_OF_STOCK);
        assertThat(received.kind()).isEqualTo(ShopException.Kind.CONFLICT);
        assertThat(received.getMessage()).isEqualTo("only 3 left");
    }

    @Test
    void unavailableFailureKeepsItsCodeAndKind() throws Exception {
        ShopException sent = new ShopException(
                ShopException.Kind.UNAVAILABLE, SearchErrors.SEARCH_UNAVAILABLE, "search engine unreachable");

        ShopException received = (ShopException) roundTrip(sent);

        assertThat(received.code()).isEqualTo(SearchErrors.SEARCH_UNAVAILABLE);
        assertThat(received.kind()).isEqualTo(ShopException.Kind.UNAVAILABLE);
    }

    @Test
    void addressNotFoundKeepsItsCodeAndKind() throws Exception {
        ShopException received =
                (ShopException) roundTrip(ShopException.notFound(UserErrors.ADDRESS_NOT_FOUND, "no address 9"));

        assertThat(received.code()).isEqualTo(UserErrors.ADDRESS_NOT_FOUND);
        assertThat(received.kind()).isEqualTo(ShopException.Kind.NOT_FOUND);
    }

    @Test
    void tooManyRequestsKeepsItsRetryAfter() throws Exception {
        ShopException received = (ShopException) roundTrip(ShopException.tooManyRequests("SLOW_DOWN", "wait", 30));

        assertThat(received.kind()).isEqualTo(ShopException.Kind.TOO_MANY_REQUESTS);
        assertThat(received.retryAfterSeconds()).isEqualTo(30);
    }

    private static Object roundTrip(Object value) throws IOException, ClassNotFoundException {
        Serialization serialization = FrameworkModel.defaultModel()
                .getExtensionLoader(Serialization.class)
                .getExtension("hessian2");
        var url = new ServiceConfigURL("tri", "127.0.0.1", 0);
        var bytes = new ByteArrayOutputStream();
        ObjectOutput out = serialization.serialize(url, bytes);
        out.writeObject(value);
        out.flushBuffer();
        ObjectInput in = serialization.deserialize(url, new ByteArrayInputStream(bytes.toByteArray()));
        return in.readObject();
    }
}
