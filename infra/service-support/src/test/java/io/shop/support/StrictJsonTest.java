package io.shop.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

class StrictJsonTest {

    enum Status {
        DRAFT,
        ON_SHELF
    }

    record Product(String nickname, Boolean onShelf, boolean featured, long priceCents, double weight, Status status) {}

    private final ObjectMapper lenient = Jackson2ObjectMapperBuilder.json().build();
    private final ObjectMapper strict = StrictJson.of(lenient);

    @Test
    void numberIsNoString() {
        assertRefused("{\"nickname\": -1}", "nickname");
        assertRefused("{\"nickname\": 1.5}", "nickname");
        assertRefused("{\"nickname\": true}", "nickname");
    }

    @Test
    void numberOrStringIsNoBoolean() {
        assertRefused("{\"onShelf\": 0}", "onShelf");
        assertRefused("{\"featured\": 1}", "featured");
        assertRefused("{\"onShelf\": \"true\"}", "onShelf");
    }

    @Test
    void fractionOrTextIsNoWholeNumber() {
        assertRefused("{\"priceCents\": 29.99}", "priceCents");
        assertRefused("{\"priceCents\": \"2999\"}", "priceCents");
    }

    @Test
    void numberIsNoEnumConstant() {
        assertRefused("{\"status\": 1}", "status");
    }

    @Test
    void wellTypedJsonIsRead() throws Exception {
        Product read = strict.readValue(
                "{\"nickname\":\"Ada\",\"onShelf\":false,\"featured\":true,\"priceCents\":2999,\"weight\":1,\"status\":\"ON_SHELF\"}",
                Product.class);

        assertThat(read).isEqualTo(new Product("Ada", false, true, 2999, 1.0, Status.ON_SHELF));
    }

    @Test
    void theApplicationsOwnMapperStaysAsItWas() throws Exception {
        assertThat(lenient.readValue("{\"onShelf\": 0}", Product.class).onShelf())
                .isFalse();
    }

    private void assertRefused(String json, String field) {
        assertThatThrownBy(() -> strict.readValue(json, Product.class))
                .isInstanceOf(MismatchedInputException.class)
                .satisfies(e -> assertThat(UnreadableBody.pathOf(((MismatchedInputException) e).getPath()))
                        .isEqualTo(field));
    }
}
