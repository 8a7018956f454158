package org.xueliang.tracker.progress;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.xueliang.tracker.identity.CurrentUser;
import org.xueliang.tracker.ledger.Project;
import org.xueliang.tracker.ledger.ProjectRepository;
import org.xueliang.tracker.shared.ApiException;

@RestController
class ProgressController {

    private final ProjectRepository projects;
    private final ProjectProgress progress;
    private final CurrentUser currentUser;
    private final Clock clock;

    ProgressController(ProjectRepository projects, ProjectProgress progress, CurrentUser currentUser, Clock clock) {
        this.projects = projects;
        this.progress = progress;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @GetMapping("/api/v1/projects/{id}/progress")
    @Transactional(readOnly = true)
    Progress progress(@PathVariable long id) {
        Project project = projects.findById(id).filter(p -> currentUser.scope().allows(p.getId()))
                .orElseThrow(() -> ApiException.notFound("Project", id));
        return progress.of(project, LocalDate.now(clock));
    }
}
