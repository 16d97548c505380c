package com.toprise.user.pincode;

import com.toprise.common.access.ProtectedResource;
import com.toprise.common.outbox.OutboxWriter;
import com.toprise.common.access.PublicEndpoint;
import com.toprise.common.paging.PageQuery;
import com.toprise.common.paging.PageResponse;
import com.toprise.common.paging.Sortable;
import com.toprise.common.web.ResourceNotFoundException;
import com.toprise.schemas.geo.GeoPoint;
import jakarta.validation.Valid;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/** The serviceable-pincode list that address validation checks against. */
@RestController
@RequestMapping("/api/pincodes")
@ProtectedResource("pincodes")
class PincodeController {

    private final PincodeRepository pincodes;
    private final OutboxWriter outbox;

    PincodeController(PincodeRepository pincodes, OutboxWriter outbox) {
        this.pincodes = pincodes;
        this.outbox = outbox;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Pincode create(@Valid @RequestBody NewPincode request) {
        if (pincodes.existsById(request.code())) {
            throw new DuplicateKeyException("pincode " + request.code());
        }
        Instant now = Instant.now();
        Pincode pincode = new Pincode(request.code(), request.city(), request.state(), request.serviceable(),
                Pincode.centroidOf(request.latitude(), request.longitude()), now, now);
        return outbox.insert(pincode, pincode.updatedEvent());
    }

    /** Opening or closing delivery to a pincode; order intake learns it from PINCODE_UPDATED. */
    @PutMapping("/{code}")
    Pincode change(@PathVariable String code, @Valid @RequestBody PincodeChange change) {
        Pincode existing = pincodes.findById(code).orElseThrow(() -> new ResourceNotFoundException("pincode", code));
        GeoPoint centroid = Pincode.centroidOf(change.latitude(), change.longitude());
        Pincode changed = new Pincode(code, change.city(), change.state(), change.serviceable(),
                centroid == null ? existing.centroid() : centroid, existing.createdAt(), Instant.now());
        return outbox.save(changed, changed.updatedEvent());
    }

    /** Anyone may ask whether a pincode is served, before signing up. */
    @GetMapping("/{code}")
    @PublicEndpoint
    Pincode get(@PathVariable String code) {
        return pincodes.findById(code).orElseThrow(() -> new ResourceNotFoundException("pincode", code));
    }

    @GetMapping
    PageResponse<Pincode> list(@Sortable(value = {"code", "city", "state"}, defaultSort = "code,asc") PageQuery page) {
        return PageResponse.of(pincodes.findAll(page.toPageable()), p -> p);
    }
}
