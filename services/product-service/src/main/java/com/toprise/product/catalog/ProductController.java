package com.toprise.product.catalog;

import com.toprise.common.access.ProtectedResource;
import com.toprise.common.access.PublicEndpoint;
import com.toprise.common.paging.PageQuery;
import com.toprise.common.paging.PageResponse;
import com.toprise.common.paging.Sortable;
import com.toprise.common.web.ResourceNotFoundException;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/products")
@ProtectedResource("products")
class ProductController {

    private final ProductCatalog catalog;
    private final ProductRepository products;

    ProductController(ProductCatalog catalog, ProductRepository products) {
        this.catalog = catalog;
        this.products = products;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Product create(@Valid @RequestBody ProductDetails details) {
        return catalog.create(details);
    }

    @PutMapping("/{id}")
    Product change(@PathVariable String id, @Valid @RequestBody ProductDetails details) {
        return catalog.change(id, details);
    }

    @PublicEndpoint
    @GetMapping("/{id}")
    Product get(@PathVariable String id) {
        return products.findById(id).orElseThrow(() -> new ResourceNotFoundException("product", id));
    }

    @PublicEndpoint
    @GetMapping
    PageResponse<Product> list(@Sortable(value = {"sku", "name", "price", "updatedAt"}, defaultSort = "name,asc") PageQuery page) {
        return PageResponse.of(products.findAll(page.toPageable()), p -> p);
    }
}
