package com.toprise.user.account;

import com.toprise.common.access.Scope;
import com.toprise.common.outbox.OutboxWriter;
import com.toprise.common.test.AccessControlSlice;
import com.toprise.common.test.TestMatrix;
import com.toprise.common.web.InvalidRequestException;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.UserCreated.Role;
import com.toprise.schemas.geo.GeoPoint;
import com.toprise.schemas.geo.Location;
import com.toprise.user.geo.Geocoder;
import com.toprise.user.geo.PostalAddress;
import com.toprise.user.pincode.PincodeRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageImpl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import static com.toprise.common.test.ProblemJson.fieldError;
import static com.toprise.common.test.ProblemJson.problem;
import static com.toprise.common.test.TestTokens.bearer;
import static com.toprise.user.account.TestAccounts.dealer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.http.HttpStatus.CONFLICT;
import static org.springframework.http.HttpStatus.FORBIDDEN;
import static org.springframework.http.HttpStatus.NOT_FOUND;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /api/dealers} through the real token check, permission matrix, {@link AccountsInScope} and
 * {@link AccountProfiles}: a dealer sees and edits only its own profile, admins see all and alone onboard, assign
 * and (de)activate; what is sent is answered with field errors and 409s. The store, the geocoder and the outbox,
 * and the admin operations, are stand-ins.
 */
@WebMvcTest(DealerController.class)
@Import({AccessControlSlice.class, AccountsInScope.class, AccountProfiles.class})
class DealerControllerTests {

    private static final String DEALER_1 = bearer("d-1", "DEALER");
    private static final String ADMIN = bearer("u-admin", "SUPER_ADMIN");
    private static final String NEW_DEALER = """
            {"email":"dev@example.com","password":"long-enough-1","name":"Dev","businessName":"Dev Auto Parts",
             "gstin":"27AAPFU0939F1ZV","pincode":"110001","categories":["brakes"]}""";
    private static final String PROFILE = """
            {"address":{"line1":"14 Residency Road","city":"Bengaluru","state":"Karnataka","pincode":"560001"},
             "phone":"+919800000003","serviceArea":{"pincodes":["560001","560034"],"radiusKm":25},
             "workingHours":[{"day":"MONDAY","opens":"09:00","closes":"18:30"}]}""";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private TestMatrix matrix;
    @MockitoBean
    private UserAccountRepository accounts;
    @MockitoBean
    private UserAdministration administration;
    @MockitoBean
    private PincodeRepository pincodes;
    @MockitoBean
    private Geocoder geocoder;
    @MockitoBean
    private OutboxWriter outbox;

    @BeforeEach
    void permissions() {
        matrix.reset()
                .row("DEALER", "dealers", Scope.OWN, Scope.OWN, Scope.NONE)
                .row("SUPER_ADMIN", "dealers", Scope.ALL, Scope.ALL, Scope.ALL)
                .row("CUSTOMER", "dealers", Scope.NONE, Scope.NONE, Scope.NONE);
        given(accounts.findById("d-1")).willReturn(Optional.of(dealer("d-1")));
        given(accounts.findById("d-2")).willReturn(Optional.of(dealer("d-2")));
        given(pincodes.existsById(anyString())).willAnswer(call -> call.getArgument(0).toString().startsWith("560"));
        given(outbox.save(any(), any(EventEnvelope[].class))).willAnswer(call -> call.getArgument(0));
    }

    @Test
    void aDealerListsOnlyItself() throws Exception {
        mvc.perform(get("/api/dealers").header(HttpHeaders.AUTHORIZATION, DEALER_1))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value("d-1"))
                .andExpect(jsonPath("$.items[0].passwordHash").doesNotExist());
    }

    @Test
    void anAdminListsEveryDealer() throws Exception {
        given(accounts.findByRole(eq(Role.DEALER), any())).willReturn(new PageImpl<>(List.of(dealer("d-1"), dealer("d-2"))));
        mvc.perform(get("/api/dealers").header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2));
    }

    @Test
    void anotherDealerIs404ForReadingAndForItsProfile() throws Exception {
        mvc.perform(get("/api/dealers/d-2").header(HttpHeaders.AUTHORIZATION, DEALER_1))
                .andExpect(problem(NOT_FOUND));
        mvc.perform(put("/api/dealers/d-2/profile").header(HttpHeaders.AUTHORIZATION, DEALER_1)
                        .contentType(MediaType.APPLICATION_JSON).content(PROFILE))
                .andExpect(problem(NOT_FOUND));
        verifyNoInteractions(administration, outbox);
        mvc.perform(get("/api/dealers/d-2").header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("d-2"));
    }

    @Test
    void aRoleWhoseCellIsNoneIs403() throws Exception {
        mvc.perform(get("/api/dealers/d-1").header(HttpHeaders.AUTHORIZATION, bearer("c-1", "CUSTOMER")))
                .andExpect(problem(FORBIDDEN));
    }

    @Test
    void anEmailInUseIs409() throws Exception {
        given(administration.createDealer(any(NewDealer.class)))
                .willThrow(new DuplicateKeyException("an account with this email exists"));
        mvc.perform(post("/api/dealers").header(HttpHeaders.AUTHORIZATION, ADMIN)
                        .contentType(MediaType.APPLICATION_JSON).content(NEW_DEALER))
                .andExpect(problem(CONFLICT));
    }

    @Test
    void badFieldsAndUnknownCategoriesAreFieldErrors() throws Exception {
        mvc.perform(post("/api/dealers").header(HttpHeaders.AUTHORIZATION, ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(NEW_DEALER.replace("27AAPFU0939F1ZV", "GST").replace("long-enough-1", "short")))
                .andExpect(fieldError("gstin", "is not a valid GSTIN"))
                .andExpect(fieldError("password", "must be 10 to 128 characters"));
        verifyNoInteractions(administration);

        given(administration.assignCategories(eq("d-1"), anyList()))
                .willThrow(InvalidRequestException.of("categories[0]", "is not a category of the catalog"));
        mvc.perform(put("/api/dealers/d-1/categories").header(HttpHeaders.AUTHORIZATION, ADMIN)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"categories\":[\"nope\"]}"))
                .andExpect(fieldError("categories[0]", "is not a category of the catalog"));
    }

    @Test
    void onboardingAssigningAndActivationAreForAdminsEvenWhereTheMatrixLetsADealerWrite() throws Exception {
        mvc.perform(post("/api/dealers").header(HttpHeaders.AUTHORIZATION, DEALER_1)
                        .contentType(MediaType.APPLICATION_JSON).content(NEW_DEALER))
                .andExpect(problem(FORBIDDEN));
        mvc.perform(put("/api/dealers/d-1/categories").header(HttpHeaders.AUTHORIZATION, DEALER_1)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"categories\":[\"brakes\"]}"))
                .andExpect(problem(FORBIDDEN));
        for (String action : new String[] {"deactivate", "activate"}) {
            mvc.perform(post("/api/dealers/d-1/" + action).header(HttpHeaders.AUTHORIZATION, DEALER_1))
                    .andExpect(problem(FORBIDDEN));
        }
        verifyNoInteractions(administration);

        given(administration.setActive(Role.DEALER, "d-2", false, "u-admin"))
                .willReturn(dealer("d-2").withActive(false, TestAccounts.CREATED));
        mvc.perform(post("/api/dealers/d-2/deactivate").header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false));
    }

    @Test
    void aDealerStatesItsOwnProfileAndAnAdminAnyDealers() throws Exception {
        Location located = Location.geocoded(new GeoPoint(12.9730, 77.6080));
        given(geocoder.locate(new PostalAddress("14 Residency Road", "Bengaluru", "Karnataka", "560001")))
                .willReturn(located);
        profile(PROFILE)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("d-1"))
                .andExpect(jsonPath("$.phone").value("+919800000003"))
                .andExpect(jsonPath("$.dealer.address.line1").value("14 Residency Road"))
                .andExpect(jsonPath("$.dealer.location.source").value("GEOCODED"))
                .andExpect(jsonPath("$.dealer.servicePincodes.length()").value(2))
                .andExpect(jsonPath("$.dealer.workingHours[0].closes").value(startsWith("18:30")));
        ArgumentCaptor<UserAccount> saved = ArgumentCaptor.forClass(UserAccount.class);
        verify(outbox).save(saved.capture(), any(EventEnvelope[].class));
        assertThat(saved.getValue().dealer().workingHours()).singleElement().satisfies(hours -> {
            assertThat(hours.day()).isEqualTo(DayOfWeek.MONDAY);
            assertThat(hours.closes()).isEqualTo(LocalTime.of(18, 30));
        });
        assertThat(saved.getValue().dealer().serviceRadiusKm()).isEqualTo(25.0);
        assertThat(saved.getValue().dealer().location()).isEqualTo(located);

        mvc.perform(put("/api/dealers/d-2/profile").header(HttpHeaders.AUTHORIZATION, ADMIN)
                        .contentType(MediaType.APPLICATION_JSON).content(PROFILE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("d-2"));
    }

    @Test
    void aProfileWithBadFieldsIsAnsweredFieldByField() throws Exception {
        String bad = PROFILE.replace("\"line1\":\"14 Residency Road\",", "")
                .replace("\"radiusKm\":25", "\"radiusKm\":0")
                .replace("\"560034\"", "\"56003\"")
                .replace("+919800000003", "call me");
        profile(bad)
                .andExpect(fieldError("address.line1"))
                .andExpect(fieldError("serviceArea.radiusKm", "must be more than 0 and at most 500"))
                .andExpect(fieldError("serviceArea.pincodes[1]", "must be a six-digit pincode"))
                .andExpect(fieldError("phone", "must be 10 to 15 digits, optionally after +"));
        profile(PROFILE.replace("\"radiusKm\":25", "\"radiusKm\":500.5"))
                .andExpect(fieldError("serviceArea.radiusKm", "must be more than 0 and at most 500"));
        profile(PROFILE.replace("\"MONDAY\"", "\"MOONDAY\""))
                .andExpect(fieldError("workingHours[0].day", "has the wrong type or format"));
        profile(PROFILE.replace("\"18:30\"", "\"half past six\""))
                .andExpect(fieldError("workingHours[0].closes", "has the wrong type or format"));
        profile("{\"phone\":\"+919800000003\"}")
                .andExpect(fieldError("address", "must not be null"))
                .andExpect(fieldError("serviceArea", "must not be null"));
        verifyNoInteractions(outbox);
    }

    @Test
    void aProfileWhoseFieldsDisagreeOrNameUnknownPincodesIsAnsweredByTheRules() throws Exception {
        profile(PROFILE.replace("\"opens\":\"09:00\"", "\"opens\":\"19:00\"")
                .replace("\"pincodes\":[\"560001\",\"560034\"],\"radiusKm\":25", "\"pincodes\":[]"))
                .andExpect(fieldError("workingHours[0].closes", "must be after opens"))
                .andExpect(fieldError("serviceArea", "needs pincodes, a radius or both"));
        profile(PROFILE.replace("\"560034\"", "\"110017\""))
                .andExpect(fieldError("serviceArea.pincodes[1]", "is not a known pincode"));
        verifyNoInteractions(outbox, geocoder);
    }

    @Test
    void aCustomerHasNoDealerProfileToWrite() throws Exception {
        mvc.perform(put("/api/dealers/d-1/profile").header(HttpHeaders.AUTHORIZATION, bearer("c-1", "CUSTOMER"))
                        .contentType(MediaType.APPLICATION_JSON).content(PROFILE))
                .andExpect(problem(FORBIDDEN));
        verifyNoInteractions(outbox);
    }

    private ResultActions profile(String body) throws Exception {
        return mvc.perform(put("/api/dealers/d-1/profile").header(HttpHeaders.AUTHORIZATION, DEALER_1)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
