package com.toprise.product.brand;

import com.toprise.common.access.ProtectedResource;
import com.toprise.common.access.PublicEndpoint;
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
@RequestMapping("/api/brands")
@ProtectedResource("brands")
class BrandController {

    private final BrandRepository brands;

    BrandController(BrandRepository brands) {
        this.brands = brands;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Brand create(@Valid @RequestBody NewBrand request) {
        if (brands.existsById(request.code())) {
            throw new DuplicateKeyException("brand " + request.code());
        }
        return brands.insert(new Brand(request.code(), request.name(), request.country(), Instant.now()));
    }

    @PublicEndpoint
    @GetMapping("/{code}")
    Brand get(@PathVariable String code) {
        return brands.findById(code).orElseThrow(() -> new ResourceNotFoundException("brand", code));
    }

    @PublicEndpoint
    @GetMapping
    PageResponse<Brand> list(@Sortable(value = {"code", "name"}, defaultSort = "name,asc") PageQuery page) {
        return PageResponse.of(brands.findAll(page.toPageable()), b -> b);
    }
}
