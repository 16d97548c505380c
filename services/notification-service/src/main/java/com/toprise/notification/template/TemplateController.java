package com.toprise.notification.template;

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

/** Message templates by code: created and read by the staff the matrix lets; a code is taken once. */
@RestController
@RequestMapping("/api/notifications/templates")
@ProtectedResource("templates")
class TemplateController {

    private final TemplateRepository templates;

    TemplateController(TemplateRepository templates) {
        this.templates = templates;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Template create(@Valid @RequestBody NewTemplate request) {
        request.channel().checkSubject(request.subject());
        if (templates.existsById(request.code())) {
            throw new DuplicateKeyException("template " + request.code());
        }
        return templates.insert(new Template(request.code(), request.channel(), request.subject(), request.body(),
                Instant.now()));
    }

    @GetMapping("/{code}")
    Template get(@PathVariable String code) {
        return templates.findById(code).orElseThrow(() -> new ResourceNotFoundException("template", code));
    }

    @GetMapping
    PageResponse<Template> list(@Sortable(value = {"code", "channel"}, defaultSort = "code,asc") PageQuery page) {
        return PageResponse.of(templates.findAll(page.toPageable()), t -> t);
    }
}
