package io.shop.user.address;

import io.shop.support.identity.CurrentUser;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own address book; the owner is always the signed-in user, never a parameter. */
@RestController
@RequestMapping("/api/addresses")
class AddressController {

    private final AddressBook book;

    AddressController(AddressBook book) {
        this.book = book;
    }

    @GetMapping
    List<AddressView> list(@CurrentUser long userId) {
        return book.list(userId).stream().map(AddressView::of).toList();
    }

    @PostMapping
    ResponseEntity<AddressView> add(@CurrentUser long userId, @Valid @RequestBody ShippingAddress details) {
        Address added = book.add(userId, details);
        return ResponseEntity.created(URI.create("/api/addresses/" + added.id()))
                .body(AddressView.of(added));
    }

    @GetMapping("/{id}")
    AddressView get(@CurrentUser long userId, @PathVariable long id) {
        return AddressView.of(book.get(userId, id));
    }

    @PutMapping("/{id}")
    AddressView change(@CurrentUser long userId, @PathVariable long id, @Valid @RequestBody ShippingAddress details) {
        return AddressView.of(book.change(userId, id, details));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(@CurrentUser long userId, @PathVariable long id) {
        book.remove(userId, id);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{id}/default")
    AddressView makeDefault(@CurrentUser long userId, @PathVariable long id) {
        return AddressView.of(book.makeDefault(userId, id));
    }

    /** An address as its owner sees it. */
    record AddressView(
            long id,
            String recipient,
            String phone,
            String province,
            String city,
            String district,
            String line1,
            String postcode,
            boolean isDefault) {

        static AddressView of(Address a) {
            var d = a.details();
            return new AddressView(
                    a.id(),
                    d.recipient(),
                    d.phone(),
                    d.province(),
                    d.city(),
                    d.district(),
                    d.line1(),
                    d.postcode(),
                    a.isDefault());
        }
    }
}
