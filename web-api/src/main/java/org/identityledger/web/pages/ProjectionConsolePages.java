package org.identityledger.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.identityledger.command.port.Projections;
import org.identityledger.command.port.Projections.ProjectionState;
import org.identityledger.command.port.Projections.RebuildState;
import org.identityledger.command.port.RebuildInProgressException;
import org.identityledger.web.security.SessionResolver;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Map;

/**
 * The console's projections page (admin): each read model's position and lag, a rebuild button,
 * and while a rebuild runs a progress bar the page refreshes every second (the Refresh header: no
 * script, the strict policy unchanged). The same service as {@code /v1/admin/projections}.
 */
@Controller
class ProjectionConsolePages {

    static final String PROJECTIONS = "/admin/projections";
    private static final Map<String, String> DONE = Map.of("started", "The rebuild started.",
            "busy", "A rebuild of that projection is already running.");

    private final SessionResolver sessionResolver;
    private final Projections projections;
    private final PageForms pageForms;

    ProjectionConsolePages(SessionResolver sessionResolver, Projections projections, PageForms pageForms) {
        this.sessionResolver = sessionResolver;
        this.projections = projections;
        this.pageForms = pageForms;
    }

    @GetMapping(PROJECTIONS)
    ResponseEntity<String> projections(@RequestParam(name = "done", required = false) String done, HttpServletRequest request,
                                       HttpServletResponse response) {
        sessionResolver.require(request);
        String csrf = pageForms.csrfToken(request, response);
        List<ProjectionState> all = projections.list();
        StringBuilder body = new StringBuilder();
        if (done != null && DONE.containsKey(done)) {
            body.append("<p class=\"done\">").append(DONE.get(done)).append("</p>");
        }
        body.append("<table><thead><tr><th>Projection</th><th>Status</th><th>Position</th><th>Lag</th><th>Last rebuild</th>"
                + "<th></th></tr></thead><tbody>");
        boolean running = false;
        for (ProjectionState projection : all) {
            running |= projection.status().equals("rebuilding");
            body.append("<tr id=\"projection-").append(PageHtml.escape(projection.name())).append("\"><td>")
                    .append(PageHtml.escape(projection.name())).append("</td><td class=\"status\">")
                    .append(PageHtml.escape(projection.status())).append("</td><td>").append(projection.position()).append(" of ")
                    .append(projection.headPosition()).append("</td><td>").append(projection.lagEvents()).append(" events, ")
                    .append(projection.lagSeconds()).append(" s</td><td>")
                    .append(projection.rebuild().map(ProjectionConsolePages::rebuild).orElse("never"))
                    .append("</td><td>");
            if (!projection.status().equals("rebuilding")) {
                body.append(PageHtml.buttonForm(PROJECTIONS + "/" + projection.name() + "/rebuild", csrf, "Rebuild"));
            }
            body.append("</td></tr>");
        }
        body.append("</tbody></table><p class=\"note\">A rebuild replays the ledger into a copy while the live model keeps"
                + " serving, and swaps only when the copy's checksum equals the live one's.</p>");
        body.append(PageHtml.link("/admin/", "Back to the console"));
        return running ? PageHtml.refreshingWidePage(200, "Projections", body.toString(), 1)
                : PageHtml.widePage(200, "Projections", body.toString());
    }

    @PostMapping(path = PROJECTIONS + "/{name}/rebuild", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> rebuild(@PathVariable("name") String name, HttpServletRequest request) {
        sessionResolver.require(request);
        try {
            projections.startRebuild(name, false);
        } catch (RebuildInProgressException running) {
            return PageHtml.seeOther(PROJECTIONS + "?done=busy");
        }
        return PageHtml.seeOther(PROJECTIONS + "?done=started");
    }

    private static String rebuild(RebuildState rebuild) {
        long percent = rebuild.state().equals("swapped") ? 100
                : rebuild.total() == 0 ? 0 : Math.min(100, rebuild.processed() * 100 / rebuild.total());
        StringBuilder cell = new StringBuilder("<span class=\"rebuild-state\">").append(PageHtml.escape(rebuild.state()))
                .append("</span> <progress max=\"100\" value=\"").append(percent).append("\"></progress> <span class=\"percent\">")
                .append(percent).append(" %</span><br><span class=\"note\">").append(rebuild.processed()).append(" of ")
                .append(rebuild.total()).append(" events, ").append(Math.round(rebuild.eventsPerSecond())).append(" events/s");
        if (rebuild.rebuiltChecksum() != null) {
            cell.append(", checksum ").append(PageHtml.escape(rebuild.rebuiltChecksum()));
        }
        cell.append("</span>");
        if (rebuild.reason() != null) {
            cell.append("<br><span class=\"problem\">").append(PageHtml.escape(rebuild.reason())).append("</span>");
        }
        return cell.toString();
    }
}
