package com.toprise.order.fulfilment;

import com.toprise.common.access.Access;
import com.toprise.common.access.ProtectedResource;
import com.toprise.common.paging.PageQuery;
import com.toprise.common.paging.PageResponse;
import com.toprise.common.paging.Sortable;
import com.toprise.common.web.ForbiddenException;
import com.toprise.schemas.events.FulfilmentUpdated;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Fulfillment-Admin's desk: the orders whose lines no eligible dealer took, oldest first, and giving such lines to
 * a dealer by hand. Both need scope ALL on {@code fulfilments}: a dealer's OWN covers its own fulfilments, not
 * other orders' waiting lines. The assignment is a request: the topology reserves at that dealer and the
 * fulfilment appears when it answers (202).
 */
@RestController
@RequestMapping("/api/fulfilments")
@ProtectedResource("fulfilments")
class FulfilmentAdminController {

    private final ManualAssignments assignments;

    FulfilmentAdminController(ManualAssignments assignments) {
        this.assignments = assignments;
    }

    @PostMapping("/assign")
    @ResponseStatus(HttpStatus.ACCEPTED)
    FulfilmentUpdated assign(@Valid @RequestBody AssignRequest request, Access access) {
        requireAll(access);
        return assignments.assign(request, access);
    }

    @GetMapping("/unassigned")
    PageResponse<UnassignedLines> unassigned(Access access,
                                             @Sortable(value = "since", defaultSort = "since,asc") PageQuery page) {
        requireAll(access);
        return assignments.waiting(page);
    }

    private static void requireAll(Access access) {
        if (!access.seesAll()) {
            throw new ForbiddenException("Only Fulfillment-Admin assigns waiting lines to dealers.");
        }
    }
}
