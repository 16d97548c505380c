package com.toprise.user.address;

import com.toprise.common.access.Access;
import com.toprise.common.access.ProtectedResource;
import com.toprise.common.paging.PageQuery;
import com.toprise.common.paging.PageResponse;
import com.toprise.common.paging.Sortable;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's addresses; roles with scope ALL (support staff) may look at anyone's by {@code userId}. */
@RestController
@RequestMapping("/api/addresses")
@ProtectedResource("addresses")
class AddressController {

    private final AddressBook book;
    private final AddressRepository addresses;

    AddressController(AddressBook book, AddressRepository addresses) {
        this.book = book;
        this.addresses = addresses;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Address add(@Valid @RequestBody AddressDetails details, Access access) {
        return book.add(access.userId(), details);
    }

    @GetMapping
    PageResponse<Address> list(@RequestParam(required = false) String userId, Access access,
                               @Sortable(value = {"createdAt", "label", "city"}, defaultSort = "createdAt,desc")
                               PageQuery page) {
        String owner = access.seesAll() && userId != null ? userId : access.userId();
        return PageResponse.of(addresses.findByUserId(owner, page.toPageable()), a -> a);
    }

    @GetMapping("/{id}")
    Address get(@PathVariable String id, Access access) {
        return book.get(id, access);
    }

    @PutMapping("/{id}")
    Address change(@PathVariable String id, @Valid @RequestBody AddressDetails details, Access access) {
        return book.change(id, details, access);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable String id, Access access) {
        book.remove(id, access);
    }
}
