package io.shop.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A service's MVC with the shop's web auto-configuration: bad JSON bodies are problems naming the field. */
@WebMvcTest
@ContextConfiguration(classes = UnreadableBodyProblemTest.Catalog.class)
@ImportAutoConfiguration(ShopWebAutoConfiguration.class)
class UnreadableBodyProblemTest {

    @Autowired
    MockMvc mvc;

    @Test
    void numberForABooleanIsABadRequestNamingTheField() throws Exception {
        send("{\"nickname\":\"Tea cup\",\"onShelf\":0}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("INVALID_PARAMETER"))
                .andExpect(jsonPath("$.errors[0].field").value("onShelf"))
                .andExpect(jsonPath("$.errors[0].message").value("must be true or false"))
                .andExpect(jsonPath("$.detail").value("'onShelf' must be true or false"));
    }

    @Test
    void numberForAStringIsABadRequestNamingTheField() throws Exception {
        send("{\"nickname\":-1,\"onShelf\":true}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("nickname"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a string"));
    }

    @Test
    void fieldInsideAListIsNamedWithItsPosition() throws Exception {
        send("{\"nickname\":\"Tea cup\",\"onShelf\":true,\"skus\":[{\"priceCents\":100},{\"priceCents\":1.5}]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("skus[1].priceCents"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a whole number"));
    }

    @Test
    void bodyThatIsNotJsonIsAMalformedBodyProblemWithoutParserDetails() throws Exception {
        send("{\"nickname\": ")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("MALFORMED_BODY"))
                .andExpect(jsonPath("$.detail").value("The request body is missing or not valid JSON"));
    }

    @Test
    void wellTypedBodyIsAccepted() throws Exception {
        send("{\"nickname\":\"Tea cup\",\"onShelf\":true,\"skus\":[{\"priceCents\":100}]}")
                .andExpect(status().isOk())
                .andExpect(content().string("Tea cup:true:1"));
    }

    private org.springframework.test.web.servlet.ResultActions send(String json) throws Exception {
        return mvc.perform(
                post("/products").contentType(MediaType.APPLICATION_JSON).content(json));
    }

    record Sku(long priceCents) {}

    record NewProduct(String nickname, Boolean onShelf, List<Sku> skus) {}

    @RestController
    static class Catalog {

        @PostMapping("/products")
        String create(@RequestBody NewProduct product) {
            return product.nickname() + ":" + product.onShelf() + ":"
                    + (product.skus() == null ? 0 : product.skus().size());
        }
    }
}
