package io.shop.search.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shop.api.ShopException;
import io.shop.api.product.ProductListing;
import io.shop.api.product.ProductListingPage;
import io.shop.api.product.ProductService;
import io.shop.api.search.SearchErrors;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.LongStream;
import org.apache.dubbo.rpc.RpcException;
import org.junit.jupiter.api.Test;

/** The paging loop over product-service's listProducts: every product once, in order, then stop. */
class ProductServiceListingsTest {

    @Test
    void readsEveryPageAfterTheLastIdSeenUntilTheLastPage() {
        var catalog =
                new PagedCatalog(LongStream.rangeClosed(1, 7).map(id -> id * 10).toArray());
        List<List<Long>> pages = new ArrayList<>();

        new ProductServiceListings(catalog.service, 3).forEachPage(page -> pages.add(ids(page)));

        assertThat(pages).containsExactly(List.of(10L, 20L, 30L), List.of(40L, 50L, 60L), List.of(70L));
        assertThat(catalog.asked).containsExactly(0L, 30L, 60L);
    }

    @Test
    void aFullLastPageEndsTheLoopWhenTheCatalogSaysSo() {
        var catalog = new PagedCatalog(1, 2, 3, 4);
        List<Long> seen = new ArrayList<>();

        new ProductServiceListings(catalog.service, 2).forEachPage(page -> seen.addAll(ids(page)));

        assertThat(seen).containsExactly(1L, 2L, 3L, 4L);
        assertThat(catalog.asked).containsExactly(0L, 2L);
    }

    @Test
    void anEmptyCatalogHandsOutNothing() {
        List<List<ProductListing>> pages = new ArrayList<>();

        new ProductServiceListings(new PagedCatalog().service, 50).forEachPage(pages::add);

        assertThat(pages).isEmpty();
    }

    @Test
    void anEmptyPageNotMarkedLastStillEndsTheLoop() {
        var catalog = new StubCatalog((after, size) -> new ProductListingPage(List.of(), false));
        List<List<ProductListing>> pages = new ArrayList<>();

        new ProductServiceListings(catalog.service, 50).forEachPage(pages::add);

        assertThat(pages).isEmpty();
    }

    @Test
    void aPageThatDoesNotMoveForwardIsAnErrorNotALoop() {
        var catalog = new StubCatalog((after, size) -> new ProductListingPage(List.of(listing(5)), false));

        assertThatThrownBy(() -> new ProductServiceListings(catalog.service, 1).forEachPage(page -> {}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("from product 5 back to 5");
    }

    @Test
    void anUnreachableCatalogIsUnavailable() {
        var catalog = new StubCatalog((after, size) -> {
            throw new RpcException(RpcException.NETWORK_EXCEPTION, "no provider");
        });

        assertThatThrownBy(() -> new ProductServiceListings(catalog.service, 10).forEachPage(page -> {}))
                .isInstanceOfSatisfying(ShopException.class, e -> {
                    assertThat(e.code()).isEqualTo(SearchErrors.CATALOG_UNAVAILABLE);
                    assertThat(e.kind()).isEqualTo(ShopException.Kind.UNAVAILABLE);
                });
    }

    private static List<Long> ids(List<ProductListing> page) {
        return page.stream().map(ProductListing::productId).toList();
    }

    private static ProductListing listing(long id) {
        return new ProductListing(id, 1, "P" + id, "", 1, "Acme", 2, "Cups", List.of(2L), 100, 100, true);
    }

    /** Pages like product-service promises to: ids after {@code after}, {@code last} when none follow. */
    private static final class PagedCatalog extends StubCatalog {
        PagedCatalog(long... ids) {
            super((after, size) -> {
                List<ProductListing> rest = LongStream.of(ids)
                        .filter(id -> id > after)
                        .mapToObj(ProductServiceListingsTest::listing)
                        .toList();
                return new ProductListingPage(rest.subList(0, Math.min(size, rest.size())), rest.size() <= size);
            });
        }
    }

    /** Answers listProducts only; the rest of the contract is no business of a reindex. */
    private static class StubCatalog {
        final List<Long> asked = new ArrayList<>();
        final ProductService service;

        StubCatalog(BiFunction<Long, Integer, ProductListingPage> pages) {
            service = (ProductService) Proxy.newProxyInstance(
                    ProductService.class.getClassLoader(),
                    new Class<?>[] {ProductService.class},
                    (proxy, method, args) -> {
                        if (!method.getName().equals("listProducts")) {
                            throw new UnsupportedOperationException(method.getName());
                        }
                        asked.add((Long) args[0]);
                        return pages.apply((Long) args[0], (Integer) args[1]);
                    });
        }
    }
}
