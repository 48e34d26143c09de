package org.identityledger.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every list an owner or admin reads is paged the same way: a stable order, at most {@code limit}
 * rows, and a cursor that continues after the last row shown, to a last page whose cursor is null.
 */
class PagedListsHttpTest extends IntegrationTest {

    /** Reads every page of {@code path} (which has a query already) and answers each row's {@code field}, in order. */
    private static List<String> readAllPages(Browser caller, String path, String list, String field, int limit) {
        List<String> rows = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpAnswer page = caller.get(path + "&limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            JsonNode entries = page.json().path(list);
            assertThat(entries.size()).isLessThanOrEqualTo(limit);
            entries.forEach(entry -> rows.add(entry.path(field).asText()));
            cursor = page.json().path("next_cursor").isNull() ? null : page.json().path("next_cursor").asText();
            assertThat(++pages).as("pages of %s", path).isLessThan(1_000);
        } while (cursor != null);
        return rows;
    }

    private Browser businessSession(String email, String businessId) {
        HttpAnswer login = nativeClient().postJson("/v1/auth/native/login", "{\"email\":\"" + email + "\",\"password\":\""
                + PASSWORD + "\",\"context\":\"business\",\"business_id\":\"" + businessId + "\"}");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return browser().bearer(login.text("access_token"));
    }

    @Test
    void theTeamAndItsInvitationsArePagedByEmailWithoutRepeatsOrGaps() {
        String owner = uniqueEmail();
        signUpAndVerify(browser(), owner);
        String businessId = browser().bearer(nativeLogIn(owner).text("access_token")).postJson("/v1/account/businesses",
                "{\"name\":\"Paged\",\"handle\":\"pl-" + UUID.randomUUID().toString().substring(0, 8) + "\"}").text("business_id");
        Browser team = businessSession(owner, businessId);
        String joiner = uniqueEmail();
        signUpAndVerify(browser(), joiner);
        List<String> invited = new ArrayList<>(List.of(joiner));
        for (int i = 0; i < 4; i++) {
            invited.add(uniqueEmail());
        }
        for (String email : invited) {
            assertThat(team.postJson("/v1/businesses/" + businessId + "/invitations",
                    "{\"email\":\"" + email + "\",\"role\":\"member\"}").status()).isEqualTo(201);
        }
        assertThat(browser().bearer(nativeLogIn(joiner).text("access_token")).postJson("/v1/account/invitations/accept",
                "{\"token\":\"" + mailbox.awaitInvitationToken(joiner, 2) + "\"}").status()).isEqualTo(200);

        List<String> open = readAllPages(team, "/v1/businesses/" + businessId + "/invitations?x=1", "invitations", "email", 2);
        List<String> members = readAllPages(team, "/v1/businesses/" + businessId + "/members?x=1", "members", "email", 1);

        assertThat(open).containsExactlyElementsOf(invited.subList(1, 5).stream().sorted().toList());
        assertThat(members).containsExactlyElementsOf(List.of(owner, joiner).stream().sorted().toList());
    }

    @Test
    void anAdminPagesThroughAccountsAndBusinesses() {
        Browser admin = staffSession(newAdmin());
        String prefix = "paged-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String email = prefix + "-" + i + "@example.com";
            emails.add(email);
            signUp(browser(), email);
        }

        assertThat(readAllPages(admin, "/v1/admin/accounts?email=" + prefix, "accounts", "email", 2)).containsExactlyElementsOf(emails);
        List<String> handles = readAllPages(admin, "/v1/admin/businesses?x=1", "businesses", "handle", 100);
        assertThat(handles).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void aLimitOutOfRangeOrACursorNotHandedOutIsRefused() {
        Browser admin = staffSession(newAdmin());

        admin.get("/v1/admin/businesses?limit=0").assertProblem(400, "VALIDATION_FAILED");
        admin.get("/v1/admin/businesses?limit=101").assertProblem(400, "VALIDATION_FAILED");
        HttpAnswer cursor = admin.get("/v1/admin/accounts?email=a&cursor=not-a-cursor").assertProblem(400, "VALIDATION_FAILED");
        assertThat(cursor.json().path("errors").get(0).path("field").asText()).isEqualTo("cursor");
        assertThat(cursor.json().path("errors").get(0).path("code").asText()).isEqualTo("INVALID_VALUE");
    }
}
