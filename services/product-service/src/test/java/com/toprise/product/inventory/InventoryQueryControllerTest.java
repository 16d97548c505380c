package com.toprise.product.inventory;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.toprise.common.access.Access;
import com.toprise.common.access.AccessArgumentResolver;
import com.toprise.common.access.AccessControlInterceptor;
import com.toprise.common.access.Action;
import com.toprise.common.access.Scope;
import com.toprise.common.outbox.OutboxWriter;
import com.toprise.common.paging.PageQueryArgumentResolver;
import com.toprise.common.security.AccessTokens.Identity;
import com.toprise.common.web.ProblemDetailsAdvice;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.handler;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET /api/inventory/{sku}} through Spring MVC and the services' problem+json advice, against a real HTTP
 * server playing the inventory topology's query server; StockController's routes sit next to it, on a
 * MongoDB-wire server, to show they still win over {@code /{sku}}.
 */
class InventoryQueryControllerTest {

    private static final String BRAKE_PADS = """
            {"sku":"BRK-PAD-001","onHand":7,"reserved":3,"available":4,"dealers":[
             {"dealerId":"d-1","onHand":5,"reserved":3,"available":2},
             {"dealerId":"d-2","onHand":2,"reserved":0,"available":2}],"addedLater":true}""";
    private static final Access ADMIN = access("u-admin", "INVENTORY_ADMIN", Scope.ALL);

    private HttpServer topology;
    private MongoServer mongoServer;
    private MongoClient mongoClient;
    private MockMvc mvc;

    @BeforeEach
    void start() throws IOException {
        topology = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        topology.createContext("/inventory/", this::answer);
        topology.start();
        mongoServer = new MongoServer(new MemoryBackend());
        mongoClient = MongoClients.create(mongoServer.bindAndGetConnectionString());
        MongoTemplate mongo = new MongoTemplate(mongoClient, "products");
        InventoryQueryClient client = new InventoryQueryClient(new InventoryQueryProperties(
                URI.create("http://127.0.0.1:" + topology.getAddress().getPort() + "/"), null, Duration.ofMillis(500)));
        mvc = MockMvcBuilders.standaloneSetup(new InventoryQueryController(client),
                        new StockController(new StockLedger(mongo, new OutboxWriter(mongo), sku -> true), mongo))
                .setControllerAdvice(new ProblemDetailsAdvice())
                .setCustomArgumentResolvers(new AccessArgumentResolver(), new PageQueryArgumentResolver())
                .build();
    }

    @AfterEach
    void stop() {
        topology.stop(0);
        mongoClient.close();
        mongoServer.shutdownNow();
    }

    /** The topology's side: one known SKU, one that fails, one that is slow, 404 for the rest. */
    private void answer(HttpExchange exchange) throws IOException {
        String sku = exchange.getRequestURI().getPath().substring("/inventory/".length());
        int status = switch (sku) {
            case "BRK-PAD-001" -> 200;
            case "FAILING" -> 503;
            default -> 404;
        };
        if (sku.equals("SLOW")) {
            sleep(Duration.ofSeconds(2));
        }
        byte[] body = (status == 200 ? BRAKE_PADS : "{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Test
    void relaysTheTopologysFigures() throws Exception {
        read("BRK-PAD-001", ADMIN)
                .andExpect(status().isOk())
                .andExpect(handler().handlerType(InventoryQueryController.class))
                .andExpect(jsonPath("$.sku").value("BRK-PAD-001"))
                .andExpect(jsonPath("$.onHand").value(7))
                .andExpect(jsonPath("$.reserved").value(3))
                .andExpect(jsonPath("$.available").value(4))
                .andExpect(jsonPath("$.dealers.length()").value(2))
                .andExpect(jsonPath("$.dealers[0].dealerId").value("d-1"))
                .andExpect(jsonPath("$.dealers[0].available").value(2))
                .andExpect(jsonPath("$.addedLater").doesNotExist());
    }

    @Test
    void aDealerSeesItsOwnRowOnlyAndAnotherDealersSkuAsMissing() throws Exception {
        read("BRK-PAD-001", access("d-2", "DEALER", Scope.OWN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.onHand").value(2))
                .andExpect(jsonPath("$.reserved").value(0))
                .andExpect(jsonPath("$.available").value(2))
                .andExpect(jsonPath("$.dealers.length()").value(1))
                .andExpect(jsonPath("$.dealers[0].dealerId").value("d-2"));
        read("BRK-PAD-001", access("d-9", "DEALER", Scope.OWN)).andExpect(status().isNotFound());
    }

    @Test
    void aSkuNoDealerHoldsIs404ProblemJson() throws Exception {
        read("NO-SUCH-SKU", ADMIN)
                .andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.instance").value("/api/inventory/NO-SUCH-SKU"));
    }

    @Test
    void aFailingSlowOrUnreachableTopologyIs503WithRetryAfter() throws Exception {
        for (String sku : new String[] {"FAILING", "SLOW"}) {
            read(sku, ADMIN)
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().exists("Retry-After"))
                    .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                    .andExpect(jsonPath("$.status").value(503));
        }
        topology.stop(0);
        read("BRK-PAD-001", ADMIN)
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().exists("Retry-After"));
    }

    @Test
    void aMalformedSkuIs400() throws Exception {
        mvc.perform(get("/api/inventory/{sku}", "BRK PAD").requestAttr(AccessControlInterceptor.ACCESS, ADMIN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sku"));
    }

    @Test
    void theStockRoutesStayStockControllers() throws Exception {
        read("stock", ADMIN)
                .andExpect(status().isOk())
                .andExpect(handler().handlerType(StockController.class))
                .andExpect(jsonPath("$.items").isArray());
        mvc.perform(get("/api/inventory/stock/BRK-PAD-001/d-1").requestAttr(AccessControlInterceptor.ACCESS, ADMIN))
                .andExpect(status().isNotFound())
                .andExpect(handler().handlerType(StockController.class));
    }

    private ResultActions read(String sku, Access access) throws Exception {
        return mvc.perform(get("/api/inventory/" + sku).requestAttr(AccessControlInterceptor.ACCESS, access));
    }

    private static Access access(String userId, String role, Scope scope) {
        return new Access(new Identity(userId, role), "inventory", Action.READ, scope);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
