package org.identityledger.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import org.identityledger.command.port.Projections;
import org.identityledger.command.port.Projections.ProjectionState;
import org.identityledger.command.port.Projections.RebuildState;
import org.identityledger.command.port.UnknownProjectionException;
import org.identityledger.web.security.SessionResolver;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * Operating the projections (a staff-context bearer session holding admin): every read model's
 * position and lag, and a rebuild that never takes the live one away. The rebuild runs in the
 * background; its progress is read from the projection's own resource.
 */
@RestController
class ProjectionsController {

    private final SessionResolver sessionResolver;
    private final Projections projections;

    ProjectionsController(SessionResolver sessionResolver, Projections projections) {
        this.sessionResolver = sessionResolver;
        this.projections = projections;
    }

    @GetMapping("/v1/admin/projections")
    ResponseEntity<ProjectionList> list(HttpServletRequest request) {
        sessionResolver.require(request);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new ProjectionList(projections.list().stream().map(ProjectionSummary::of).toList()));
    }

    @GetMapping("/v1/admin/projections/{name}")
    ResponseEntity<ProjectionDetail> projection(@PathVariable("name") String name, HttpServletRequest request) {
        sessionResolver.require(request);
        ProjectionState state = projections.find(name).orElseThrow(UnknownProjectionException::new);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(ProjectionDetail.of(state));
    }

    /** 202 once the rebuild holds its lock; {@code {"force": true}} swaps even when the checksums differ. */
    @PostMapping("/v1/admin/projections/{name}/rebuild")
    ResponseEntity<ProjectionDetail> rebuild(@PathVariable("name") String name, @RequestBody(required = false) RebuildBody body,
                                             HttpServletRequest request) {
        sessionResolver.require(request);
        projections.startRebuild(name, body != null && Boolean.TRUE.equals(body.force()));
        ProjectionState state = projections.find(name).orElseThrow(UnknownProjectionException::new);
        return ResponseEntity.status(HttpStatus.ACCEPTED).cacheControl(CacheControl.noStore()).body(ProjectionDetail.of(state));
    }

    record RebuildBody(Boolean force) {
    }

    record ProjectionList(List<ProjectionSummary> projections) {
    }

    record ProjectionSummary(String name, String status, long position, long headPosition, long lagEvents, double lagSeconds) {

        static ProjectionSummary of(ProjectionState state) {
            return new ProjectionSummary(state.name(), state.status(), state.position(), state.headPosition(), state.lagEvents(),
                    state.lagSeconds());
        }
    }

    record ProjectionDetail(String name, String status, long position, long headPosition, long lagEvents, double lagSeconds,
                            Rebuild rebuild) {

        static ProjectionDetail of(ProjectionState state) {
            return new ProjectionDetail(state.name(), state.status(), state.position(), state.headPosition(), state.lagEvents(),
                    state.lagSeconds(), state.rebuild().map(Rebuild::of).orElse(null));
        }
    }

    /** The contract's rebuild fields, plus why it failed ({@code reason}) and whether the swap was forced. */
    record Rebuild(String state, long processed, long total, double eventsPerSecond, Instant startedAt, Instant finishedAt,
                   String liveChecksum, String rebuiltChecksum, String reason, boolean forced) {

        static Rebuild of(RebuildState state) {
            return new Rebuild(state.state(), state.processed(), state.total(), Math.round(state.eventsPerSecond() * 10) / 10.0,
                    state.startedAt(), state.finishedAt(), state.liveChecksum(), state.rebuiltChecksum(), state.reason(), state.forced());
        }
    }
}
