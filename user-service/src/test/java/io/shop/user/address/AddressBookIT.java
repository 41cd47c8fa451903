package io.shop.user.address;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.shop.user.UserApi;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class AddressBookIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    UserApi api;
    long alice;
    long bob;

    @BeforeEach
    void twoUsers() {
        api = new UserApi(port);
        alice = insertUser("Alice");
        bob = insertUser("Bob");
    }

    @Test
    void firstAddressBecomesTheDefaultAndLaterOnesDoNot() {
        var first = add(alice, "Home");
        var second = add(alice, "Office");

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getHeaders().getLocation()).hasToString("/api/addresses/" + id(first));
        assertThat((Boolean) JsonPath.read(first.getBody(), "$.isDefault")).isTrue();
        assertThat((Boolean) JsonPath.read(second.getBody(), "$.isDefault")).isFalse();
        assertThat(defaults(alice)).containsExactly(id(first));
    }

    @Test
    void choosingADefaultClearsThePreviousOne() {
        long home = id(add(alice, "Home"));
        long office = id(add(alice, "Office"));

        var response = api.put("/api/addresses/" + office + "/default", alice, null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(defaults(alice)).containsExactly(office);
        var list = api.get("/api/addresses", alice).getBody();
        assertThat((List<Integer>) JsonPath.read(list, "$[*].id"))
                .extracting(Integer::longValue)
                .containsExactly(office, home);
    }

    @Test
    void removingTheDefaultMakesTheNewestRemainingOneTheDefault() {
        long home = id(add(alice, "Home"));
        long office = id(add(alice, "Office"));
        long cabin = id(add(alice, "Cabin"));
        api.put("/api/addresses/" + office + "/default", alice, null);

        var response = api.delete("/api/addresses/" + office, alice);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(defaults(alice)).containsExactly(cabin);
        assertThat(api.get("/api/addresses/" + office, alice).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get("/api/addresses/" + home, alice).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void ownerChangesTheirAddress() {
        long home = id(add(alice, "Home"));

        var response = api.put("/api/addresses/" + home, alice, address("New Home"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((String) JsonPath.read(response.getBody(), "$.line1")).isEqualTo("New Home");
        assertThat((Boolean) JsonPath.read(response.getBody(), "$.isDefault")).isTrue();
    }

    @Test
    void anotherUsersAddressIsNotFoundForReadUpdateDeleteAndDefault() {
        long bobsHome = id(add(bob, "Bob's Home"));
        String before = api.get("/api/addresses/" + bobsHome, bob).getBody();

        List<ResponseEntity<String>> attempts = List.of(
                api.get("/api/addresses/" + bobsHome, alice),
                api.put("/api/addresses/" + bobsHome, alice, address("Mallory Street")),
                api.delete("/api/addresses/" + bobsHome, alice),
                api.put("/api/addresses/" + bobsHome + "/default", alice, null));

        assertThat(attempts).allSatisfy(response -> {
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(response.getBody()).contains("\"code\":\"ADDRESS_NOT_FOUND\"");
        });
        assertThat(api.get("/api/addresses/" + bobsHome, bob).getBody()).isEqualTo(before);
        assertThat(api.get("/api/addresses", alice).getBody()).isEqualTo("[]");
    }

    @Test
    void unknownAddressLooksTheSameAsAnotherUsers() {
        var response = api.get("/api/addresses/" + Long.MAX_VALUE, alice);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody()).contains("\"code\":\"ADDRESS_NOT_FOUND\"");
    }

    @Test
    void twentyFirstAddressIsRefused() {
        for (int i = 0; i < AddressBook.MAX_ADDRESSES; i++) {
            assertThat(add(alice, "Street " + i).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }

        var response = add(alice, "One Too Many");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getBody()).contains("\"code\":\"ADDRESS_LIMIT_REACHED\"");
        assertThat(count(alice)).isEqualTo(AddressBook.MAX_ADDRESSES);
    }

    @Test
    void addressesWithoutIdentityAreUnauthenticated() {
        assertThat(api.get("/api/addresses", null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.post("/api/addresses", null, address("Nowhere")).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void incompleteAddressIsABadRequestNamingTheFields() {
        Map<String, Object> incomplete = address("Somewhere");
        incomplete.remove("city");
        incomplete.put("phone", "call me");

        var response = api.post("/api/addresses", alice, incomplete);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<String>) JsonPath.read(response.getBody(), "$.errors[*].field"))
                .containsExactlyInAnyOrder("city", "phone");
        assertThat(count(alice)).isZero();
    }

    private ResponseEntity<String> add(long userId, String line1) {
        return api.post("/api/addresses", userId, address(line1));
    }

    private static Map<String, Object> address(String line1) {
        var a = new HashMap<String, Object>();
        a.put("recipient", "Alice Liddell");
        a.put("phone", "+8613800138000");
        a.put("province", "Zhejiang");
        a.put("city", "Hangzhou");
        a.put("district", "Xihu");
        a.put("line1", line1);
        a.put("postcode", "310000");
        return a;
    }

    private static long id(ResponseEntity<String> response) {
        return ((Number) JsonPath.read(response.getBody(), "$.id")).longValue();
    }

    private List<Long> defaults(long userId) {
        return jdbc.sql("SELECT id FROM address WHERE user_id = ? AND is_default")
                .param(userId)
                .query(Long.class)
                .list();
    }

    private int count(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM address WHERE user_id = ?")
                .param(userId)
                .query(Integer.class)
                .single();
    }

    private long insertUser(String nickname) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO app_user (email, nickname) VALUES (?, ?)")
                .params(nickname.toLowerCase() + "-" + UUID.randomUUID() + "@example.org", nickname)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }
}
