package com.toprise.order.fulfilment;

import com.toprise.common.access.Access;
import com.toprise.common.access.ProtectedResource;
import com.toprise.common.paging.PageQuery;
import com.toprise.common.paging.PageResponse;
import com.toprise.common.paging.Sortable;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A dealer's fulfilments and its work on them: accept or decline an offer, pick the picklist's lines, pack the
 * parcel (which books the courier). Scope OWN covers the fulfilments assigned to the caller, ALL every one
 * (Fulfillment-Admin, who alone re-books a courier); another dealer's fulfilment answers 404 like a missing one.
 */
@RestController
@RequestMapping("/api/dealer/fulfilments")
@ProtectedResource("fulfilments")
class DealerFulfilmentController {

    private final Fulfilments fulfilments;

    DealerFulfilmentController(Fulfilments fulfilments) {
        this.fulfilments = fulfilments;
    }

    @GetMapping
    PageResponse<Fulfilment> list(@Valid FulfilmentFilter filter, Access access,
                                  @Sortable(value = "createdAt", defaultSort = "createdAt,desc") PageQuery page) {
        return fulfilments.list(filter.status(), access, page);
    }

    @GetMapping("/{id}")
    Fulfilment get(@PathVariable String id, Access access) {
        return fulfilments.get(id, access);
    }

    @PostMapping("/{id}/accept")
    Fulfilment accept(@PathVariable String id, Access access) {
        return fulfilments.accept(id, access);
    }

    @PostMapping("/{id}/decline")
    Fulfilment decline(@PathVariable String id, @Valid @RequestBody DeclineRequest request, Access access) {
        return fulfilments.decline(id, request.reason(), access);
    }

    @PostMapping("/{id}/lines/{sku}/pick")
    Fulfilment pick(@PathVariable String id, @PathVariable String sku, Access access) {
        return fulfilments.pick(id, sku, access);
    }

    @PostMapping("/{id}/pack")
    Fulfilment pack(@PathVariable String id, @Valid @RequestBody Parcel parcel, Access access) {
        return fulfilments.pack(id, parcel, access);
    }

    @PostMapping("/{id}/book")
    Fulfilment book(@PathVariable String id, Access access) {
        return fulfilments.book(id, access);
    }
}
