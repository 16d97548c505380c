package com.toprise.order.returnreason;

import com.toprise.common.access.ProtectedResource;
import com.toprise.common.paging.PageQuery;
import com.toprise.common.paging.PageResponse;
import com.toprise.common.paging.Sortable;
import com.toprise.common.web.ResourceNotFoundException;
import jakarta.validation.Valid;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

@RestController
@RequestMapping("/api/return-reasons")
@ProtectedResource("return-reasons")
class ReturnReasonController {

    private final ReturnReasonRepository reasons;

    ReturnReasonController(ReturnReasonRepository reasons) {
        this.reasons = reasons;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ReturnReason create(@Valid @RequestBody NewReturnReason request) {
        if (reasons.existsById(request.code())) {
            throw new DuplicateKeyException("return reason " + request.code());
        }
        return reasons.insert(new ReturnReason(request.code(), request.label(), request.requiresPhoto(), Instant.now()));
    }

    @GetMapping("/{code}")
    ReturnReason get(@PathVariable String code) {
        return reasons.findById(code).orElseThrow(() -> new ResourceNotFoundException("return reason", code));
    }

    @GetMapping
    PageResponse<ReturnReason> list(@Sortable(value = {"code", "label"}, defaultSort = "code,asc") PageQuery page) {
        return PageResponse.of(reasons.findAll(page.toPageable()), r -> r);
    }
}
