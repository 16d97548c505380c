package com.toprise.order.courier;

import com.toprise.common.access.PublicEndpoint;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * Borzo's callback URL. Public, because Borzo has no token of ours: the signature over the raw body
 * ({@code X-DV-Signature}) is its credential, checked before anything else (401 without one, 403 with a wrong
 * one). Answers 200 for an applied, a replayed and an ignored event alike, so Borzo stops sending it; any error
 * answer makes Borzo retry.
 */
@RestController
@RequestMapping("/api/delivery/borzo/callbacks")
@PublicEndpoint
class BorzoCallbackController {

    static final String SIGNATURE_HEADER = "X-DV-Signature";

    private final BorzoCallbacks callbacks;

    BorzoCallbackController(BorzoCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @PostMapping
    Map<String, String> receive(@RequestBody(required = false) byte[] body,
                                @RequestHeader(value = SIGNATURE_HEADER, required = false) String signature) {
        return Map.of("outcome", callbacks.receive(body == null ? new byte[0] : body, signature).name());
    }
}
