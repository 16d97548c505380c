package com.toprise.order.order;

import com.toprise.common.access.Access;
import com.toprise.common.access.ProtectedResource;
import com.toprise.common.paging.PageQuery;
import com.toprise.common.paging.PageResponse;
import com.toprise.common.paging.Sortable;
import com.toprise.common.web.ResourceNotFoundException;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Order intake, cancellation, and the orders the caller's scope covers: a customer's own, those allocated to a
 * dealer, or (for admins) everyone's. Which orders those are, and who may place one, is {@link OrdersInScope}'s
 * rule; when an order may still be cancelled is {@link OrderState}'s.
 */
@RestController
@RequestMapping("/api/orders")
@ProtectedResource("orders")
class OrderController {

    private final OrderIntake intake;
    private final OrderSearch search;
    private final OrderLifecycle lifecycle;

    OrderController(OrderIntake intake, OrderSearch search, OrderLifecycle lifecycle) {
        this.intake = intake;
        this.search = search;
        this.lifecycle = lifecycle;
    }

    @PostMapping
    ResponseEntity<Order> place(@RequestHeader(value = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
                                @Valid @RequestBody NewOrder request, Access access) {
        OrdersInScope.checkMayPlace(access);
        return OrderResponses.of(intake.place(access.userId(), request, idempotencyKey));
    }

    /** The cancelled order with its history; 409 naming the current status when it is too late. */
    @PostMapping("/{id}/cancel")
    Order cancel(@PathVariable String id, @Valid @RequestBody CancelOrder request, Access access) {
        return lifecycle.cancel(id, access, request.reason().strip());
    }

    @GetMapping("/{id}")
    Order get(@PathVariable String id, Access access) {
        return search.find(id, access).orElseThrow(() -> new ResourceNotFoundException("orders", id));
    }

    @GetMapping
    PageResponse<Order> list(@Valid OrderFilter filter, Access access,
                             @Sortable(value = {"createdAt", "updatedAt", "totalAmount", "status"},
                                     defaultSort = "createdAt,desc") PageQuery page) {
        return search.list(filter, access, page);
    }
}
