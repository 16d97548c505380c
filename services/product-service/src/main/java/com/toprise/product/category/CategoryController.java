package com.toprise.product.category;

import com.toprise.common.access.ProtectedResource;
import com.toprise.common.access.PublicEndpoint;
import com.toprise.common.paging.PageQuery;
import com.toprise.common.paging.PageResponse;
import com.toprise.common.paging.Sortable;
import com.toprise.common.web.ResourceNotFoundException;
import com.toprise.schemas.events.CategoryUpdated.Level;
import jakarta.validation.Valid;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/categories")
@ProtectedResource("categories")
class CategoryController {

    private final CategoryTree tree;
    private final CategoryRepository categories;

    CategoryController(CategoryTree tree, CategoryRepository categories) {
        this.tree = tree;
        this.categories = categories;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Category add(@Valid @RequestBody NewCategory request) {
        return tree.add(request);
    }

    @PutMapping("/{id}")
    Category change(@PathVariable String id, @Valid @RequestBody CategoryChange change) {
        return tree.change(id, change);
    }

    @PublicEndpoint
    @GetMapping("/{id}")
    Category get(@PathVariable String id) {
        return categories.findById(id).orElseThrow(() -> new ResourceNotFoundException("category", id));
    }

    /** The children of parentId, or every node of one level, or the whole tree; by name. */
    @PublicEndpoint
    @GetMapping
    PageResponse<Category> list(@RequestParam(required = false) String parentId,
                                @RequestParam(required = false) Level level,
                                @Sortable(value = {"name", "id"}, defaultSort = "name,asc") PageQuery page) {
        Page<Category> found = parentId != null ? categories.findByParentId(parentId, page.toPageable())
                : level != null ? categories.findByLevel(level, page.toPageable())
                : categories.findAll(page.toPageable());
        return PageResponse.of(found, c -> c);
    }
}
