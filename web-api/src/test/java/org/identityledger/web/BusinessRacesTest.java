package org.identityledger.web;

import org.identityledger.command.business.AcceptInvitationCommand;
import org.identityledger.command.business.BusinessHandle;
import org.identityledger.command.business.ChangeMemberRoleCommand;
import org.identityledger.command.business.CreateBusinessCommand;
import org.identityledger.command.business.InviteMemberCommand;
import org.identityledger.command.business.IssuedInvitation;
import org.identityledger.events.business.BusinessRole;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The team invariants under concurrency, checked against the event store itself. */
class BusinessRacesTest extends IntegrationTest {

    @Test
    void twoBusinessesCreatedWithOneHandleEndInOne() throws Exception {
        String handle = "race-" + UUID.randomUUID().toString().substring(0, 8);
        List<Object> outcomes = race(10, index -> commandGateway.sendAndWait(new CreateBusinessCommand(
                "biz_race_" + index + "_" + handle, new BusinessHandle(handle), "Racer " + index, "acc_racer_" + index)));

        assertThat(outcomes.stream().filter(outcome -> !(outcome instanceof Exception))).hasSize(1);
        assertThat(outcomes.stream().filter(outcome -> outcome instanceof Exception)
                .map(outcome -> outcome.getClass().getSimpleName()).distinct()).containsExactly("HandleTakenException");
        assertThat(storedEvents("BusinessCreatedEvent", "\"handle\":\"" + handle + "\"")).isEqualTo(1);
    }

    @Test
    void twentyParallelAcceptsOfOneInvitationMakeOneMembership() throws Exception {
        String businessId = createBusiness("acc_owner_" + UUID.randomUUID());
        String owner = ownerOf(businessId);
        IssuedInvitation invitation = commandGateway.sendAndWait(
                new InviteMemberCommand(businessId, owner, "invitee@example.com", BusinessRole.MEMBER));
        String tokenHash = sha256(invitation.rawToken());

        List<Object> outcomes = race(20, index -> commandGateway.sendAndWait(
                new AcceptInvitationCommand(businessId, tokenHash, "acc_invitee_" + businessId, "invitee@example.com")));

        assertThat(outcomes.stream().filter(outcome -> outcome == BusinessRole.MEMBER)).hasSize(1);
        assertThat(storedEventsOf(businessId, "BusinessMemberJoinedEvent")).isEqualTo(1);
    }

    @Test
    void ofTwoOwnersDemotingEachOtherExactlyOneSucceedsAndOneOwnerRemains() throws Exception {
        String first = "acc_first_" + UUID.randomUUID();
        String businessId = createBusiness(first);
        String second = "acc_second_" + UUID.randomUUID();
        IssuedInvitation invitation = commandGateway.sendAndWait(
                new InviteMemberCommand(businessId, first, "second@example.com", BusinessRole.OWNER));
        commandGateway.sendAndWait(new AcceptInvitationCommand(businessId, sha256(invitation.rawToken()), second, "second@example.com"));

        List<Object> outcomes = race(2, index -> commandGateway.sendAndWait(index == 0
                ? new ChangeMemberRoleCommand(businessId, first, second, BusinessRole.ADMIN)
                : new ChangeMemberRoleCommand(businessId, second, first, BusinessRole.ADMIN)));

        assertThat(outcomes.stream().filter(outcome -> outcome instanceof Exception)).hasSize(1);
        assertThat(storedEventsOf(businessId, "BusinessMemberRoleChangedEvent")).isEqualTo(1);
    }

    private String createBusiness(String owner) {
        String businessId = "biz_" + UUID.randomUUID();
        commandGateway.sendAndWait(new CreateBusinessCommand(businessId,
                new BusinessHandle("b-" + UUID.randomUUID().toString().substring(0, 8)), "Team", owner));
        return businessId;
    }

    private String ownerOf(String businessId) {
        return jdbc.queryForObject("SELECT convert_from(payload, 'UTF8')::jsonb ->> 'owner_account_ref' FROM domain_event_entry"
                + " WHERE aggregate_identifier = ? AND payload_type LIKE '%.BusinessCreatedEvent'", String.class, businessId);
    }

    private long storedEvents(String type, String containing) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE ?"
                + " AND replace(convert_from(payload, 'UTF8'), ' ', '') LIKE ?", Long.class, "%." + type, "%" + containing + "%");
    }

    private long storedEventsOf(String aggregate, String type) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE ?",
                Long.class, aggregate, "%." + type);
    }

    private interface Attempt {
        Object run(int index) throws Exception;
    }

    /** Runs the attempts at once from a common start; each outcome is the result or the exception thrown. */
    private static List<Object> race(int count, Attempt attempt) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                Callable<Object> call = () -> {
                    start.await();
                    try {
                        Object result = attempt.run(index);
                        return result == null ? "done" : result;
                    } catch (Exception refused) {
                        return refused;
                    }
                };
                futures.add(threads.submit(call));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(future.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }

    private static String sha256(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
