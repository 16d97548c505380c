package com.toprise.user.audit;

import com.toprise.common.access.ProtectedResource;
import com.toprise.common.paging.PageQuery;
import com.toprise.common.paging.PageResponse;
import com.toprise.common.paging.Sortable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Every service's state-changing requests, for the Super-admin: paged, filtered, newest first. */
@RestController
@RequestMapping("/api/audit")
@ProtectedResource("audit")
class AuditController {

    private final AuditLogSearch search;

    AuditController(AuditLogSearch search) {
        this.search = search;
    }

    @GetMapping
    PageResponse<AuditRecord> search(AuditFilterCriteria criteria,
                                     @Sortable(value = {"at"}, defaultSort = "at,desc") PageQuery page) {
        return search.search(criteria, page);
    }
}
